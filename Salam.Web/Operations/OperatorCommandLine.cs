using System.Globalization;
using Salam.Application;
using Salam.Infrastructure;
using Salam.Infrastructure.Operations;

namespace Salam.Web.Operations;

/// <summary>
/// The operator commands of the same executable: <c>migrate</c> and <c>create-admin</c>. They read the web app's own
/// configuration (appsettings, environment variables, <c>--Section:Key=value</c>), do their work and exit, without
/// starting the web server, the job server or the demo seed. The work itself is in Salam.Infrastructure.Operations.
/// </summary>
public static class OperatorCommandLine
{
    public const string PasswordVariable = "SALAM_ADMIN_PASSWORD";

    public static bool Handles(string[] args) => args.Length > 0 && args[0] is "migrate" or "create-admin";

    public static async Task<int> RunAsync(string[] args, OperatorConsole console)
    {
        // Operators read English; the refusals Identity translates follow this culture too.
        CultureInfo.CurrentCulture = CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        var parsed = OperatorArguments.Parse(args);
        if (parsed.Problem is { } problem) return Finish(console, new OperatorOutcome(OperatorExitCode.Usage, problem + Environment.NewLine + OperatorArguments.Usage));

        string? password = null;
        if (parsed.Command == "create-admin")
        {
            var read = ReadPassword(console, parsed.UserName!);
            if (read.Refusal is { } refusal) return Finish(console, refusal);
            password = read.Password;
        }

        try
        {
            await using var host = Build(parsed.HostArgs);
            return Finish(console, parsed.Command == "migrate"
                ? SharedKeyRing.Prepare(host.Services, await DatabaseMigration.MigrateAsync(host.Services))
                : await AdministratorCreation.CreateAsync(host.Services, new AdministratorRequest(parsed.UserName!, parsed.DisplayName, password!, parsed.Force)));
        }
        catch (Exception exception)
        {
            return Finish(console, new OperatorOutcome(OperatorExitCode.Failed, $"{parsed.Command} failed: {exception.GetBaseException().Message}"));
        }
    }

    // The web app's configuration and environment (ASPNETCORE_ENVIRONMENT included), with its services but no server or jobs.
    private static WebApplication Build(string[] hostArgs)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = hostArgs });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Hangfire:Server"] = "false" });
        // Development checks every registration at build; the web half (authentication, sign-in) is not composed here on purpose.
        builder.Host.UseDefaultServiceProvider(o => { o.ValidateScopes = true; o.ValidateOnBuild = false; });
        builder.Services.AddApplication();
        builder.Services.AddInfrastructure(builder.Configuration, builder.Environment);
        return builder.Build();
    }

    private static (string? Password, OperatorOutcome? Refusal) ReadPassword(OperatorConsole console, string userName)
    {
        if (console.Environment(PasswordVariable) is { } fromEnvironment) return (fromEnvironment, null);
        if (console.InputIsTerminal)
        {
            var first = console.ReadHidden($"Password for {userName}: ");
            var second = console.ReadHidden("The same password again: ");
            return first == second ? (first, null)
                : (null, new OperatorOutcome(OperatorExitCode.PasswordRefused, "The two passwords differ. Nothing was written."));
        }
        return console.In.ReadLine() is { } line
            ? (line.TrimEnd('\r'), null)
            : (null, new OperatorOutcome(OperatorExitCode.Usage,
                $"No password: standard input was empty. Give the password as one line on standard input, or set {PasswordVariable}."));
    }

    private static int Finish(OperatorConsole console, OperatorOutcome outcome)
    {
        (outcome.Succeeded ? console.Out : console.Error).WriteLine(outcome.Message);
        return (int)outcome.Code;
    }
}
