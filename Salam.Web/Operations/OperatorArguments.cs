namespace Salam.Web.Operations;

/// <summary>The parsed command line of an operator command; configuration overrides pass through to the host.</summary>
public sealed record OperatorArguments(string Command, string? UserName, string? DisplayName, bool Force, string[] HostArgs, string? Problem)
{
    public const string Usage = """
        Usage:
          Salam.Web migrate [configuration]
          Salam.Web create-admin --user <name> [--name "<display name>"] [--force] [configuration]
        The password is read from standard input (one line; typed twice, unseen, at a terminal) or from SALAM_ADMIN_PASSWORD.
        Configuration: --environment <name>, --contentRoot <path>, or any --Section:Key=value (e.g. --ConnectionStrings:Sqlite="Data Source=...").
        Exit codes: 0 done, 1 failed, 2 wrong command line, 3 refused (nothing written), 4 password refused (nothing written).
        """;

    private static readonly string[] HostOptions = ["--environment", "--contentRoot", "--applicationName"];

    public static OperatorArguments Parse(string[] args)
    {
        string? user = null, name = null, problem = null;
        var force = false;
        var hostArgs = new List<string>();
        for (var i = 1; i < args.Length && problem is null; i++)
        {
            var (option, inlineValue) = Split(args[i]);
            string? Value() => inlineValue ?? (i + 1 < args.Length && !args[i + 1].StartsWith("--", StringComparison.Ordinal) ? args[++i] : null);

            if (option.Contains("password", StringComparison.OrdinalIgnoreCase) || option == "-p")
                problem = "A password is never taken from the command line: it would stay in the shell history and be visible to every user "
                    + $"of the machine in the process list. Give it as one line on standard input, or set {OperatorCommandLine.PasswordVariable}.";
            else if (args[0] == "create-admin" && option == "--user") user = Value() ?? "";
            else if (args[0] == "create-admin" && option == "--name") name = Value() ?? "";
            else if (args[0] == "create-admin" && option == "--force" && inlineValue is null) force = true;
            else if (HostOptions.Contains(option, StringComparer.OrdinalIgnoreCase) || (option.StartsWith("--", StringComparison.Ordinal) && option.Contains(':')))
            {
                hostArgs.Add(option);
                if (Value() is { } value) hostArgs.Add(value);
                else problem = $"{option} needs a value.";
            }
            else problem = $"Unknown option \"{args[i]}\" for {args[0]}.";
        }
        if (problem is null && args[0] == "create-admin" && string.IsNullOrWhiteSpace(user)) problem = "create-admin needs --user <name>.";
        return new OperatorArguments(args[0], user?.Trim(), name, force, [.. hostArgs], problem);
    }

    private static (string Option, string? Value) Split(string arg)
    {
        var equals = arg.IndexOf('=', StringComparison.Ordinal);
        return arg.StartsWith("--", StringComparison.Ordinal) && equals > 0 ? (arg[..equals], arg[(equals + 1)..]) : (arg, null);
    }
}
