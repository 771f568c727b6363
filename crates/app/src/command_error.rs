//! Why a command (`render`, `present`) made nothing, so that the command line can tell a
//! request it cannot carry out (exit 2, as for an unknown option) from work that failed (exit 1).

/// The two ways a command fails; the message says what and where.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CommandError {
    /// The command line asks for something there is not (an unknown tour, a bad extension).
    #[error("{0}")]
    Usage(String),
    /// The work itself failed (a tour file with problems, a file that could not be written).
    #[error("{0}")]
    Failed(String),
}
