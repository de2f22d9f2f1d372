namespace Salam.Infrastructure.Operations;

/// <summary>The exit codes of the operator commands (<c>migrate</c>, <c>create-admin</c>); the README lists them.</summary>
public enum OperatorExitCode
{
    /// <summary>Done.</summary>
    Success = 0,
    /// <summary>Something went wrong that the command did not foresee (database unreachable, disk full); see the message.</summary>
    Failed = 1,
    /// <summary>The command line is wrong (unknown command or option, a missing value, a password given as an argument).</summary>
    Usage = 2,
    /// <summary>Refused on purpose, nothing written: an administrator exists, the user name is taken, the database file is missing.</summary>
    Refused = 3,
    /// <summary>The password breaks the password rules (or the two typed passwords differ); nothing written.</summary>
    PasswordRefused = 4,
}

/// <summary>What an operator command did, in a sentence for the operator's console.</summary>
public sealed record OperatorOutcome(OperatorExitCode Code, string Message)
{
    public bool Succeeded => Code == OperatorExitCode.Success;

    public static OperatorOutcome Done(string message) => new(OperatorExitCode.Success, message);
    public static OperatorOutcome Refused(string message) => new(OperatorExitCode.Refused, message);
}
