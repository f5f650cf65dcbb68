//! `cargo xtask conformance`: the client against each vendor's own published document, served
//! by Stoplight Prism, rather than against our curated spec and our own mock.
//!
//! The mock and the generated client are both made from `openapi/*.yaml`, so they agree with
//! each other by construction; neither says whether the vendor would accept what the client
//! sends or whether the client reads what the vendor documents. Here Prism serves the
//! vendor's document (its examples, then answers generated from its schemas with `-d`), a
//! recording proxy ([`proxy`]) notes every request Prism finds in violation of that document,
//! and each violation is either explained by a curation decision of our spec ([`violations`])
//! or reported as not covered. The client's covered operations run `N` times each
//! ([`operations`]), then the `telephony` command's `plan` and `apply` of the example
//! manifest ([`cli`]). Prism keeps no state: what is checked is decoding and request
//! conformance, not outcomes.
//!
//! The run fails (exit 1) on any decode failure or uncovered violation, and stops with exit 2
//! on a setup problem ([`SetupError`]). Every process it starts is killed when it ends; all
//! traffic stays on the loopback interface.

mod cli;
mod error;
mod failures;
mod operations;
mod prism;
mod proxy;
mod report;
mod violations;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use futures_util::future::try_join_all;
use telephony_spec::Vendor;

use crate::drift;
pub use error::SetupError;
use prism::{Mode, Prism};
use proxy::Proxy;
use report::Totals;
use violations::Context;

/// Calls per operation unless `--answers` says otherwise.
pub const DEFAULT_ANSWERS: usize = 200;

/// What `cargo xtask conformance` was asked.
#[derive(Debug, Clone)]
pub struct Options {
    /// The `prism` executable.
    pub prism: PathBuf,
    /// Calls per operation and mode.
    pub answers: usize,
    /// Where the vendors' documents are (default: `<root>/../shared/vendor-docs/upstream`).
    pub docs: Option<PathBuf>,
}

/// The vendor's published document in the documents directory.
fn document_name(vendor: Vendor) -> &'static str {
    match vendor {
        Vendor::Dialpad => "dialpad_api_spec.json",
        Vendor::Webex => "webex-features-operating-modes.openapi.yml",
    }
}

/// One vendor's document and context.
struct Setup {
    vendor: Vendor,
    document: PathBuf,
    context: Arc<Context>,
}

/// Runs the whole conformance step from the workspace `root`, printing the report; `Ok(true)`
/// when nothing failed.
pub fn run(root: &Path, options: &Options) -> Result<bool, SetupError> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .map_err(|e| SetupError::new(format!("cannot start the async runtime: {e}")))?;
    runtime.block_on(async {
        // Interrupted, the run's future is dropped, and with it every process it started.
        tokio::select! {
            result = run_all(root, options) => result,
            _ = tokio::signal::ctrl_c() => Err(SetupError::new("interrupted")),
        }
    })
}

async fn run_all(root: &Path, options: &Options) -> Result<bool, SetupError> {
    if !options.prism.is_file() {
        return Err(SetupError::new(format!(
            "Prism not found at {} (bash .ci/prism installs @stoplight/prism-cli into \
             target/ci-tools/prism)",
            options.prism.display()
        )));
    }
    let docs = options.docs.clone().unwrap_or_else(|| {
        root.parent()
            .unwrap_or(root)
            .join("shared/vendor-docs/upstream")
    });
    let logs = tempfile::tempdir().map_err(|e| SetupError::new(format!("temp dir: {e}")))?;
    let version = prism::version(&options.prism, &logs.path().join("prism-version.log")).await?;
    let mut setups = Vec::new();
    for vendor in Vendor::ALL {
        let document = docs.join(document_name(vendor));
        if !document.is_file() {
            return Err(SetupError::new(format!(
                "the vendor's document {} is missing (set --docs DIR)",
                document.display()
            )));
        }
        let read = |path: &Path| {
            drift::read_document(&path.to_string_lossy())
                .map_err(|e| SetupError::new(e.to_string()))
        };
        let ours = read(&root.join(vendor.spec_path()))?;
        let theirs = read(&document)?;
        let context = Context::load(vendor, &ours, &theirs)
            .map_err(|e| SetupError::new(format!("{}: {e}", vendor.spec_path())))?;
        setups.push(Setup {
            vendor,
            document,
            context: Arc::new(context),
        });
    }
    println!(
        "conformance: Prism {version} ({}) serving each vendor's published document; {} calls \
         per operation and mode",
        options.prism.display(),
        options.answers
    );
    for setup in &setups {
        println!(
            "  {}: {} (decisions from {})",
            setup.vendor.name(),
            setup.document.display(),
            setup.vendor.spec_path()
        );
    }
    let binary = cli::build(root, logs.path()).await?;
    let contexts: Vec<&Context> = setups.iter().map(|s| s.context.as_ref()).collect();
    let mut totals = Totals::default();
    for mode in [Mode::Static, Mode::Dynamic] {
        let tag = if mode == Mode::Static {
            "static"
        } else {
            "dynamic"
        };
        let mut prisms = try_join_all(setups.iter().map(|setup| {
            let log = logs
                .path()
                .join(format!("prism-{}-{tag}.log", setup.vendor.name()));
            Prism::start(&options.prism, &setup.document, mode, log)
        }))
        .await?;
        let mut proxies = Vec::new();
        for (setup, prism) in setups.iter().zip(&prisms) {
            let proxy = Proxy::start(prism.url.clone(), setup.context.clone())
                .await
                .map_err(|e| SetupError::new(format!("cannot start the proxy: {e}")))?;
            proxies.push(proxy);
        }
        for ((setup, prism), proxy) in setups.iter().zip(&mut prisms).zip(&proxies) {
            let rows = match setup.vendor {
                Vendor::Dialpad => operations::dialpad(proxy, options.answers).await?,
                Vendor::Webex => operations::webex(proxy, options.answers).await?,
            };
            prism.check_running()?;
            println!(
                "\n== {} · {} (Prism at {}, through the proxy at {})",
                setup.vendor.name(),
                mode.name(),
                prism.url,
                proxy.url
            );
            print!("{}", report::operations(&rows, &contexts, &mut totals));
        }
        if mode == Mode::Static {
            let [dialpad, webex] = proxies.as_slice() else {
                return Err(SetupError::new("expected one proxy per vendor"));
            };
            let runs = cli::plan_and_apply(root, &binary, dialpad, webex, logs.path()).await?;
            for prism in &mut prisms {
                prism.check_running()?;
            }
            println!(
                "\n== telephony plan and apply of {} · static examples (both Prisms, through \
                 the proxies; Prism keeps no state, so the exit codes are not failures)",
                cli::MANIFEST
            );
            print!("{}", report::commands(&runs, &contexts, &mut totals));
            // An exit code says little (Prism keeps no state), but a run that had to be
            // killed, or that a signal ended (a crash), is a failure.
            totals.broken_runs += runs.iter().filter(|r| !r.exit.starts_with("exit ")).count();
            for run in &runs {
                println!("output of `{}` (last lines):", run.command);
                let lines: Vec<&str> = run.output.lines().collect();
                for line in &lines[lines.len().saturating_sub(12)..] {
                    println!("  {}", operations::cut(line, 200));
                }
            }
        }
        // Proxies first, then the Prisms behind them (killed as they are dropped).
        drop(proxies);
        drop(prisms);
    }
    let clean = totals.decode_failures == 0
        && totals.uncovered == 0
        && totals.refused_own == 0
        && totals.broken_runs == 0;
    println!(
        "\n== summary\nrequests sent: {}; decode failures: {}; request violations: {} covered by \
         a decision, {} NOT COVERED ({} kinds); violations Prism found in its own answers: {} \
         (reported, not failures); calls refused before sending: {}",
        totals.sent,
        totals.decode_failures,
        totals.covered,
        totals.uncovered,
        totals.uncovered_kinds,
        totals.in_answers,
        totals.refused_own
    );
    if clean {
        println!("conformance: OK");
    } else {
        let mut why = Vec::new();
        if totals.decode_failures > 0 {
            why.push("answers the client cannot decode");
        }
        if totals.uncovered > 0 {
            why.push("violations no curation decision covers");
        }
        if totals.refused_own > 0 {
            why.push("bodies the client built and then refused to send");
        }
        if totals.broken_runs > 0 {
            why.push("`telephony` runs that were killed or crashed");
        }
        println!("conformance: FAILED ({})", why.join("; "));
    }
    Ok(clean)
}
