using Salam.Infrastructure.Operations;

namespace Salam.Web.Tests.Operations;

/// <summary>Where create-admin takes its password from, and what it does with a command line it cannot accept.</summary>
public sealed class CreateAdminInputTests : IDisposable
{
    private const string Password = "a long quiet river";
    private readonly ScratchFolder _folder = new();
    private string Database => _folder.File("salam.db");

    public void Dispose() => _folder.Dispose();

    private Task<OperatorRun> CreateAdminAsync(string user, string? stdin = Password, IDictionary<string, string?>? environment = null, params string[] more) =>
        OperatorRun.RunAsync(Database, ["create-admin", "--user", user, .. more], stdin, environment, "--Database:CreateIfMissing=true");

    [Fact]
    public async Task The_password_comes_from_SALAM_ADMIN_PASSWORD_when_it_is_set()
    {
        var run = await CreateAdminAsync("root", stdin: "what stdin says here", environment: new Dictionary<string, string?> { ["SALAM_ADMIN_PASSWORD"] = "from the environment" });

        Assert.Equal(0, run.ExitCode);
        await using var db = new OperatorDatabase(Database);
        Assert.True(await db.SignsInAsync("root", "from the environment"));
        Assert.False(await db.SignsInAsync("root", "what stdin says here"));
    }

    [Theory]
    [InlineData("--password", "a long quiet river")]
    [InlineData("--password=a long quiet river", null)]
    [InlineData("-p", "a long quiet river")]
    public async Task A_password_given_as_an_argument_is_refused_saying_why_and_nothing_is_made(string option, string? value)
    {
        string[] more = value is null ? [option] : [option, value];

        var run = await CreateAdminAsync("root", more: more);

        Assert.Equal((int)OperatorExitCode.Usage, run.ExitCode);
        Assert.Contains("never taken from the command line", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Theory]
    [InlineData("short")]
    [InlineData("password1234")]
    [InlineData("root is the admin")]
    public async Task A_password_that_breaks_the_rules_is_refused_and_nothing_is_written(string password)
    {
        var run = await CreateAdminAsync("root", password);

        Assert.Equal((int)OperatorExitCode.PasswordRefused, run.ExitCode);
        Assert.Contains("The password is refused", run.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Without_a_user_or_with_an_unknown_option_it_answers_with_the_usage()
    {
        var noUser = await OperatorRun.RunAsync(Database, ["create-admin"], Password);
        var unknown = await CreateAdminAsync("root", more: ["--forse"]);

        Assert.Equal((2, 2), (noUser.ExitCode, unknown.ExitCode));
        Assert.Contains("Usage:", unknown.Error, StringComparison.Ordinal);
        Assert.False(File.Exists(Database));
    }

    [Fact]
    public async Task Empty_standard_input_is_refused()
    {
        var run = await CreateAdminAsync("root", stdin: "");

        Assert.Equal((int)OperatorExitCode.Usage, run.ExitCode);
        Assert.False(File.Exists(Database));
    }
}
