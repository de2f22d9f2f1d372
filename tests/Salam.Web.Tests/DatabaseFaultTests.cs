using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// A failing disk or a careless operator, under the running app: the file deleted, made read-only, or replaced.
/// /health must say so (503), and a ballot must fail rather than be acknowledged into a file that is gone.
/// </summary>
public sealed class DatabaseFaultTests : IAsyncLifetime
{
    private readonly FaultFactory _factory = new();
    private string _path = "";

    public Task InitializeAsync()
    {
        _path = _factory.Services.GetRequiredService<SqliteDatabaseFile>().Path!;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _factory.DisposeAsync();

    [Fact]
    public async Task A_deleted_database_file_makes_health_503_and_a_ballot_fails_instead_of_being_acknowledged()
    {
        var client = _factory.NewClient();
        await client.SignInResidentAsync(_factory, "09120000011");
        var (roundId, needId) = await PardisanOpenRoundAsync();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        var submitBallot = await client.ReadFormAsync($"/rounds/{roundId}/ballot", "ballot");

        SqliteFile.Delete(_path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Contains($"The database file {_path} is missing", await HealthDescriptionAsync());
        var ballot = await submitBallot(new Dictionary<string, string> { ["Input.Needs[0].Id"] = needId, ["Input.Needs[0].Rank"] = "1" });
        Assert.Equal(HttpStatusCode.InternalServerError, ballot.StatusCode);
        Assert.Null(ballot.Headers.Location);
        // The refused write cleared the pool: no connection goes on serving the deleted file's last state.
        Assert.Equal(HttpStatusCode.InternalServerError, (await client.GetAsync($"/rounds/{roundId}/ballot")).StatusCode);
        // Connections open without create at run time: the app never makes an empty database in its place.
        Assert.False(File.Exists(_path));
    }

    [Fact]
    public async Task A_database_the_app_cannot_write_to_makes_health_503()
    {
        var client = _factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);

        // Tests may run as root, for whom chmod does not stop a write. SQLite itself treats a file whose header says
        // "write version 3" (byte 18) as read-only for every user: connections open, reads work, writes fail with
        // SQLITE_READONLY, as they do for a write-protected file. The WAL is folded in first, so the header on disk counts.
        Assert.Equal(0L, await SqliteFile.ScalarAsync(_path, "PRAGMA wal_checkpoint(TRUNCATE);"));
        await using (var file = new FileStream(_path, FileMode.Open, FileAccess.Write))
        {
            file.Position = 18;
            file.WriteByte(3);
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Contains("cannot be written to", await HealthDescriptionAsync());
    }

    [Fact]
    public async Task A_database_file_replaced_by_another_database_makes_health_503()
    {
        var client = _factory.NewClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health")).StatusCode);
        await PardisanOpenRoundAsync(); // the app has been serving: its pool holds connections to the file it started on
        // Another Salam database, made without touching the app's pool (a TestApp's disposal would clear every pool).
        var other = _path + ".other";
        var options = new DbContextOptionsBuilder<SqliteSalamDbContext>().UseSqlite($"Data Source={other};Pooling=False").Options;
        await using (var another = new SqliteSalamDbContext(options))
        {
            await another.Database.MigrateAsync();
            await DatabaseIdentity.EnsureAsync(another, TimeProvider.System, CancellationToken.None);
        }

        SqliteFile.Delete(_path);
        File.Move(other, _path);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Contains("is another one", await HealthDescriptionAsync());
    }

    private async Task<string> HealthDescriptionAsync()
    {
        var report = await _factory.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync();
        return string.Join(" ", report.Entries.Values.Select(e => e.Description));
    }

    private async Task<(int RoundId, string NeedId)> PardisanOpenRoundAsync()
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var round = await db.PriorityRounds.Include(r => r.Needs)
            .SingleAsync(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"));
        return (round.Id, round.Needs.First().NeedId.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>The Development app with its demo country, without the job server writing beside the test.</summary>
    private sealed class FaultFactory : SalamWebFactory
    {
        protected override bool OnSqliteFile => true;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["SignIn:RequestsPerClientPerMinute"] = "1000",
            ["Hangfire:Server"] = "false",
        };
    }
}
