package dev.rollgate.cli;

/** Exit codes shared by every subcommand. */
public final class ExitCodes {
    /** The input was read and evaluated (or is valid). */
    public static final int OK = 0;
    /** A file could not be read or written. */
    public static final int IO_ERROR = 1;
    /** The input is invalid; the reasons are printed. */
    public static final int INVALID_INPUT = 2;

    private ExitCodes() {
    }
}
