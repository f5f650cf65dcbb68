//! Generates the `telephony-api` crate from the curated specs in `openapi/`, and the files
//! derived from them and from the CLI's definition: the specs' copies and the `telephony`
//! command's completions and man pages ([`crate::cli_files`]).
//!
//! One module per vendor (`src/<vendor>.rs`) and a `src/lib.rs` that declares them behind a
//! cargo feature each. Output depends only on the spec text, the command's definition and the
//! settings below, so two runs produce identical bytes; `--check` relies on that.

use std::fmt;
use std::path::{Path, PathBuf};

use progenitor::{GenerationSettings, Generator, InterfaceStyle, TagStyle, TypeImpl};
use schemars::schema::{InstanceType, Schema, SchemaObject};
use telephony_spec::Vendor;

use crate::cli_files;

/// Where the generated crate lives, relative to the workspace root.
pub const CRATE_DIR: &str = "crates/telephony-api";

/// One generated file: a path relative to the workspace root and its full text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    pub path: String,
    pub contents: String,
}

/// Why generation failed, naming the spec or file involved.
#[derive(Debug, thiserror::Error)]
pub enum CodegenError {
    #[error("cannot read {path}: {source}")]
    Read {
        path: String,
        source: std::io::Error,
    },
    #[error("{path} is not a valid OpenAPI 3.0 document: {source}")]
    Parse {
        path: String,
        source: Box<serde_saphyr::Error>,
    },
    #[error("progenitor cannot generate a client from {path}: {message}")]
    Generate { path: String, message: String },
    #[error("generated code for {path} does not parse as Rust: {source}")]
    Format { path: String, source: syn::Error },
    #[error("`{command}` failed: {message}")]
    Derive { command: String, message: String },
    #[error(transparent)]
    Man(#[from] cli_files::RenderError),
    #[error("cannot write {path}: {source}")]
    Write {
        path: String,
        source: std::io::Error,
    },
}

/// The JSON Schema of the CLI's manifest, which embeds the generated request types: derived
/// from the specs too, so `codegen` rewrites it and `--check` compares it.
pub const MANIFEST_SCHEMA: &str = "crates/telephony-cli/examples/manifest.schema.json";

/// Builds the manifest schema by running `telephony schema` (built from the generated crate as
/// it is on disk, so run it after [`write`]).
pub fn manifest_schema(root: &Path) -> Result<GeneratedFile, CodegenError> {
    let args = [
        "run",
        "--quiet",
        "--locked",
        "-p",
        "telephony-cli",
        "--",
        "schema",
    ];
    let command = format!("cargo {}", args.join(" "));
    let cargo = std::env::var_os("CARGO").unwrap_or_else(|| "cargo".into());
    let out = std::process::Command::new(cargo)
        .args(args)
        .current_dir(root)
        .output()
        .map_err(|e| CodegenError::Derive {
            command: command.clone(),
            message: e.to_string(),
        })?;
    if !out.status.success() {
        let stderr = String::from_utf8_lossy(&out.stderr);
        let tail: Vec<&str> = stderr.lines().rev().take(40).collect();
        return Err(CodegenError::Derive {
            command,
            message: tail.into_iter().rev().collect::<Vec<_>>().join("\n"),
        });
    }
    let contents = String::from_utf8(out.stdout).map_err(|e| CodegenError::Derive {
        command,
        message: e.to_string(),
    })?;
    Ok(GeneratedFile {
        path: MANIFEST_SCHEMA.to_string(),
        contents,
    })
}

/// Where `telephony-spec` keeps the copies of the specs it embeds: inside its own package, so
/// that it can be packaged; `openapi/` stays the one source and `--check` compares the copies.
pub const SPEC_COPY_DIR: &str = "crates/telephony-spec/openapi";

/// Builds every generated file from the specs under `root` (and the CLI's completions and man
/// pages, whose version names the specs' versions).
pub fn generate(root: &Path) -> Result<Vec<GeneratedFile>, CodegenError> {
    let mut files = vec![GeneratedFile {
        path: format!("{CRATE_DIR}/src/lib.rs"),
        contents: lib_rs(&Vendor::ALL),
    }];
    let mut texts = Vec::new();
    for vendor in Vendor::ALL {
        let spec_path = root.join(vendor.spec_path());
        let text = std::fs::read_to_string(&spec_path).map_err(|source| CodegenError::Read {
            path: vendor.spec_path().to_string(),
            source,
        })?;
        files.push(GeneratedFile {
            path: format!("{CRATE_DIR}/src/{}.rs", vendor.name()),
            contents: generate_vendor(vendor, &text)?,
        });
        // The copy `telephony-spec` embeds, so that its package holds the specs it reads.
        files.push(GeneratedFile {
            path: format!("{SPEC_COPY_DIR}/{}.yaml", vendor.name()),
            contents: text.clone(),
        });
        texts.push((vendor, text));
    }
    files.extend(
        cli_files::files(&texts)?
            .into_iter()
            .map(|(path, contents)| GeneratedFile { path, contents }),
    );
    Ok(files)
}

/// The generator settings shared by every vendor module.
pub fn settings() -> GenerationSettings {
    let mut settings = GenerationSettings::default();
    settings
        .with_interface(InterfaceStyle::Builder)
        .with_tag(TagStyle::Merged)
        .with_derive("PartialEq")
        .with_derive("schemars::JsonSchema")
        .with_conversion(
            decimal_integer_schema(),
            "::telephony_wire::Int64",
            [TypeImpl::Display, TypeImpl::FromStr].into_iter(),
        );
    settings
}

/// The schema of an answer field that a vendor writes as a JSON number or as a string holding
/// a decimal integer, as the specs spell it (`anyOf: [{type: integer, format: int64}, {type:
/// string, pattern: "^-?[0-9]+$"}]`, `nullable` and descriptions aside): the generated code
/// uses `telephony_wire::Int64`, which reads both forms, wherever it appears. It is the type's
/// own schema (`JsonSchema`) with the integer member made nullable, as the specs write it.
pub fn decimal_integer_schema() -> SchemaObject {
    let mut generator = schemars::r#gen::SchemaGenerator::default();
    let mut schema =
        match <telephony_wire::Int64 as schemars::JsonSchema>::json_schema(&mut generator) {
            Schema::Object(schema) => schema,
            Schema::Bool(_) => SchemaObject::default(),
        };
    // Descriptions are not compared when a schema is matched; the type's own is left out.
    schema.metadata = None;
    // The specs put `nullable` on the integer member (OpenAPI 3.0 wants a `type` beside it):
    // a field left null reads as absent, as every optional field does.
    if let Some(Schema::Object(integer)) = schema
        .subschemas
        .as_mut()
        .and_then(|sub| sub.any_of.as_mut())
        .and_then(|members| members.first_mut())
    {
        integer.instance_type = Some(vec![InstanceType::Integer, InstanceType::Null].into());
    }
    schema
}

/// Generates one vendor module from the text of its spec.
pub fn generate_vendor(vendor: Vendor, spec_text: &str) -> Result<String, CodegenError> {
    let spec: openapiv3::OpenAPI =
        serde_saphyr::from_str(spec_text).map_err(|source| CodegenError::Parse {
            path: vendor.spec_path().to_string(),
            source: Box::new(source),
        })?;
    let tokens = Generator::new(&settings())
        .generate_tokens(&spec)
        .map_err(|err| CodegenError::Generate {
            path: vendor.spec_path().to_string(),
            message: err.to_string(),
        })?;
    let mut file = syn::parse2::<syn::File>(tokens).map_err(|source| CodegenError::Format {
        path: vendor.spec_path().to_string(),
        source,
    })?;
    let hooks = syn::parse_str::<syn::File>(&answer_caps(vendor, &spec)?).map_err(|source| {
        CodegenError::Format {
            path: vendor.spec_path().to_string(),
            source,
        }
    })?;
    file.items.extend(hooks.items);
    let mut out = header(&format!("from `{}`", vendor.spec_path()));
    out.push_str(&format!("\n//! {}\n//!\n", vendor.summary()));
    out.push_str(&format!(
        "//! API version `{}` as described by the curated spec.\n\n",
        spec.info.version
    ));
    out.push_str(&prettyplease::unparse(&file));
    Ok(out)
}

/// The extension key, under an operation's `x-telephony-limits`, of its answer-size cap.
pub const MAX_ANSWER_BYTES: &str = "max-answer-bytes";

/// The code that bounds every answer body: the generated `Client`'s `ClientHooks::exec` sends
/// each request through `telephony_wire::bounded::execute` with the cap its operation has in
/// the spec (`x-telephony-limits: max-answer-bytes`, required on every operation), and
/// `answer_cap` says the cap of each operation.
fn answer_caps(vendor: Vendor, spec: &openapiv3::OpenAPI) -> Result<String, CodegenError> {
    let mut arms = Vec::new();
    for (route, item) in &spec.paths.paths {
        let Some(item) = item.as_item() else { continue };
        for (method, operation) in item.iter() {
            let id = operation.operation_id.as_deref().unwrap_or_default();
            let cap = operation
                .extensions
                .get("x-telephony-limits")
                .and_then(|limits| limits.get(MAX_ANSWER_BYTES))
                .and_then(serde_json::Value::as_u64)
                .ok_or_else(|| CodegenError::Generate {
                    path: vendor.spec_path().to_string(),
                    message: format!(
                        "{} {route} ({id}) has no `x-telephony-limits: {MAX_ANSWER_BYTES}`: \
                         every operation caps its answers",
                        method.to_uppercase()
                    ),
                })?;
            arms.push((id.to_string(), cap));
        }
    }
    arms.sort();
    let smallest = arms.iter().map(|(_, cap)| *cap).min().unwrap_or(1 << 20);
    let mut out = String::from(
        "impl ClientHooks<()> for Client {\n\
         async fn exec(&self, request: reqwest::Request, info: &OperationInfo) \
         -> reqwest::Result<reqwest::Response> {\n\
         ::telephony_wire::bounded::execute(self.client(), request, \
         answer_cap(info.operation_id)).await\n}\n}\n\
         /// The largest answer body each operation reads, in bytes (the spec's\n\
         /// `x-telephony-limits: max-answer-bytes`); past it, reading the body fails with\n\
         /// `telephony_wire::bounded::AnswerTooLarge`.\n\
         pub fn answer_cap(operation_id: &str) -> usize {\nmatch operation_id {\n",
    );
    for (id, cap) in &arms {
        out.push_str(&format!("{id:?} => {cap},\n"));
    }
    out.push_str(&format!("_ => {smallest},\n}}\n}}\n"));
    Ok(out)
}

/// `src/lib.rs`: declares one module per vendor, each behind its cargo feature.
pub fn lib_rs(vendors: &[Vendor]) -> String {
    let mut out = header("for the whole crate");
    out.push_str(
        "\n//! Low-level clients for the telephony administration APIs, generated from the\n\
         //! curated OpenAPI specs in `openapi/`.\n\
         //!\n\
         //! Each vendor is a module behind a cargo feature of the same name (all on by\n\
         //! default). The types enforce string lengths and patterns and the enums of the\n\
         //! specs; numeric ranges, array limits and the `x-telephony-rules` are checked by the\n\
         //! handwritten layers on top of this crate.\n",
    );
    for vendor in vendors {
        out.push_str(&format!(
            "\n/// {}\n#[cfg(feature = \"{name}\")]\n#[rustfmt::skip]\n\
             #[allow(clippy::all, clippy::pedantic, unused_imports, rustdoc::all)]\n\
             pub mod {name};\n",
            vendor.summary(),
            name = vendor.name()
        ));
    }
    out
}

/// The "generated, do not modify" banner that starts every generated file.
fn header(what: &str) -> String {
    format!(
        "// @generated by `cargo xtask codegen` {what}. Do not modify this file:\n\
         // change the spec or the settings in xtask/src/codegen.rs, then regenerate.\n"
    )
}

/// Paths (relative to `root`) whose content differs from `files`, plus any `.rs` file in the
/// generated crate's `src/` that the generator no longer produces.
pub fn stale_files(root: &Path, files: &[GeneratedFile]) -> Vec<String> {
    let mut stale: Vec<String> = files
        .iter()
        .filter(|file| {
            std::fs::read_to_string(root.join(&file.path)).ok() != Some(file.contents.clone())
        })
        .map(|file| file.path.clone())
        .collect();
    stale.extend(
        orphans(root, files)
            .into_iter()
            .map(|p| p.display().to_string()),
    );
    stale
}

/// The first `max_lines` lines of a unified diff from the checked-in text of `file` (empty if
/// absent) to what the generator produces now.
pub fn diff_of(root: &Path, file: &GeneratedFile, max_lines: usize) -> String {
    let current = std::fs::read_to_string(root.join(&file.path)).unwrap_or_default();
    let diff = similar::TextDiff::from_lines(&current, &file.contents);
    let text = diff
        .unified_diff()
        .context_radius(2)
        .header(&format!("a/{}", file.path), &format!("b/{}", file.path))
        .to_string();
    let mut lines: Vec<&str> = text.lines().take(max_lines + 1).collect();
    if lines.len() > max_lines {
        lines.truncate(max_lines);
        lines.push("… (more; run `cargo xtask codegen` and `git diff` for all of it)");
    }
    lines.join("\n")
}

/// Writes the files whose content changed and removes orphaned generated files.
/// Returns the paths that were written or removed.
pub fn write(root: &Path, files: &[GeneratedFile]) -> Result<Vec<String>, CodegenError> {
    let mut changed = Vec::new();
    for file in files {
        if write_file(root, file)? {
            changed.push(file.path.clone());
        }
    }
    for orphan in orphans(root, files) {
        std::fs::remove_file(root.join(&orphan)).map_err(|source| CodegenError::Write {
            path: orphan.display().to_string(),
            source,
        })?;
        changed.push(format!("{} (removed)", orphan.display()));
    }
    Ok(changed)
}

/// Writes one file unless it already holds these bytes; says whether it wrote.
pub fn write_file(root: &Path, file: &GeneratedFile) -> Result<bool, CodegenError> {
    let path = root.join(&file.path);
    if std::fs::read_to_string(&path).ok().as_deref() == Some(file.contents.as_str()) {
        return Ok(false);
    }
    let write_err = |source| CodegenError::Write {
        path: file.path.clone(),
        source,
    };
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent).map_err(write_err)?;
    }
    std::fs::write(&path, &file.contents).map_err(write_err)?;
    Ok(true)
}

/// Files in the folders the generator writes alone that are not among `files`: `.rs` files in
/// the generated crate's `src/`, and any file in the CLI's completions and man folders.
fn orphans(root: &Path, files: &[GeneratedFile]) -> Vec<PathBuf> {
    let owned = [
        (Path::new(CRATE_DIR).join("src"), Some("rs")),
        (PathBuf::from(cli_files::COMPLETIONS_DIR), None),
        (PathBuf::from(cli_files::MAN_DIR), None),
    ];
    let mut found = Vec::new();
    for (dir, extension) in owned {
        let Ok(entries) = std::fs::read_dir(root.join(&dir)) else {
            continue;
        };
        found.extend(
            entries
                .filter_map(Result::ok)
                .map(|entry| dir.join(entry.file_name()))
                .filter(|rel| extension.is_none_or(|e| rel.extension().is_some_and(|x| x == e)))
                .filter(|rel| !files.iter().any(|f| Path::new(&f.path) == rel.as_path())),
        );
    }
    found.sort();
    found
}

impl fmt::Display for GeneratedFile {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({} lines)", self.path, self.contents.lines().count())
    }
}
