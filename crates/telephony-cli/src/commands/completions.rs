//! `telephony completions SHELL`: the shell's completion script, written from the clap
//! command the binary parses (each vendor option offered only where it is read). `cargo
//! xtask codegen` commits the same bytes under the package's `completions/`.

use crate::cli::Shell;
use crate::exit::Stop;
use crate::parse;

/// Prints the script for `shell`.
pub fn run(shell: Shell) -> Result<(), Stop> {
    print!("{}", script(shell));
    Ok(())
}

/// The completion script for `shell`.
pub fn script(shell: Shell) -> String {
    let mut out = Vec::new();
    clap_complete::generate(
        generator(shell),
        &mut parse::completion_command(),
        "telephony",
        &mut out,
    );
    String::from_utf8_lossy(&out).into_owned()
}

/// The file a shell looks for the script in (`telephony.bash`, `_telephony`, …).
pub fn file_name(shell: Shell) -> String {
    clap_complete::Generator::file_name(&generator(shell), "telephony")
}

fn generator(shell: Shell) -> clap_complete::Shell {
    match shell {
        Shell::Bash => clap_complete::Shell::Bash,
        Shell::Zsh => clap_complete::Shell::Zsh,
        Shell::Fish => clap_complete::Shell::Fish,
        Shell::Powershell => clap_complete::Shell::PowerShell,
    }
}
