namespace GovTextExtract.Cli;

/// <summary>The exit codes of <c>govtext</c>; each failure has its own, so scripts can tell them apart.</summary>
public static class ExitCodes
{
    /// <summary>Everything worked.</summary>
    public const int Success = 0;

    /// <summary>Some input could not be used: a file is missing, unreadable, empty or not text, a gold file is
    /// invalid, or a document of an evaluation could not be loaded.</summary>
    public const int InputFailed = 1;

    /// <summary>The command line is wrong: unknown command or option, missing argument, conflicting options.</summary>
    public const int Usage = 2;

    /// <summary>The output file could not be written.</summary>
    public const int OutputFailed = 3;

    /// <summary>An unexpected error inside govtext (a bug); the message says what.</summary>
    public const int InternalError = 4;
}
