using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Sms;

namespace Salam.Testing;

/// <summary>The real web app (Development environment, demo data) on a fresh database of its own (see <see cref="TestDatabase"/>).</summary>
public class SalamWebFactory : WebApplicationFactory<Program>
{
    private readonly TestDatabase _database = new();

    /// <summary>Settings a test class needs beyond the defaults, e.g. a low rate limit.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        // High enough that a class's own sign-ins never hit it; the rate-limit test lowers it.
        ["SignIn:RequestsPerClientPerMinute"] = "1000",
        ["SignIn:CodesPerNumber"] = "50",
        // As in Development: the demo accounts sign in with their password alone. The two-factor tests turn it on.
        ["Security:RequireTwoFactor"] = "false",
    };

    /// <summary>True for tests of the SQLite file itself: they run on SQLite in the PostgreSQL lane too.</summary>
    protected virtual bool OnSqliteFile => false;

    /// <summary>A PostgreSQL server to run on in either lane, for tests of what only a server database can do; null: the lane's provider.</summary>
    protected virtual string? PostgreSqlServer => null;

    public DevelopmentSmsSender Sms => Services.GetRequiredService<DevelopmentSmsSender>();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        var database = OnSqliteFile ? _database.SqliteSettings : PostgreSqlServer is { } server ? _database.PostgreSqlSettings(server) : _database.Settings;
        foreach (var (key, value) in database) builder.UseSetting(key, value);
        // Said here too, not only in appsettings.Development.json: every test class relies on the demo country.
        builder.UseSetting("Database:SeedDemoData", "true");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) _database.Dispose();
    }
}
