using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Interfaces;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Infrastructure.Sms;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>Production never seeds, never runs on demo accounts, never makes a new database in place of a missing one.</summary>
public sealed class ProductionStartTests : IDisposable
{
    private readonly ScratchFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task A_production_start_on_an_empty_database_seeds_nothing_even_when_asked_and_stays_up()
    {
        var path = _folder.File("salam.db");
        await using (var app = new ProductionApp(path, new Dictionary<string, string?> { ["Database:CreateIfMissing"] = "true", ["Database:SeedDemoData"] = "true" }))
        {
            Assert.Null(app.StartOrRefusal());
            var client = app.CreateClient();
            // Up, but with no SMS provider no sign-in code can be sent: a monitor reading the status sees it.
            var health = await client.GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Degraded", await health.Content.ReadAsStringAsync());
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/signin")).StatusCode);
            Assert.Contains(app.Logs, l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("SeedDemoData is true but was ignored", StringComparison.Ordinal));
        }
        Assert.Equal(0, await SqliteFile.CountAsync(path, "AspNetUsers"));
        Assert.Equal(0, await SqliteFile.CountAsync(path, "Provinces"));
        Assert.Equal(0, await SqliteFile.CountAsync(path, "Residents"));

        // The next start finds its database and needs no permission to create one.
        var withGateway = new Dictionary<string, string?>
        {
            ["Database:SeedDemoData"] = "true",
            ["Notifications:Sms:Provider"] = "Http",
            ["Notifications:Sms:Http:Url"] = "http://127.0.0.1:9/send",
            ["Notifications:Sms:Http:ApiKey"] = "key",
            ["Notifications:Sms:Http:Sender"] = "3000",
        };
        await using (var again = new ProductionApp(path, withGateway))
        {
            Assert.Null(again.StartOrRefusal());
            var health = await again.CreateClient().GetAsync("/health");
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
            Assert.Equal("Healthy", await health.Content.ReadAsStringAsync());
        }
        Assert.Equal(0, await SqliteFile.CountAsync(path, "Provinces"));
    }

    [Fact]
    public async Task A_production_start_on_a_database_with_the_demo_accounts_is_refused_with_what_to_do()
    {
        var path = _folder.File("salam.db");
        await using (var demo = await TestApp.StartAsync(onSqliteFile: true))
            await demo.ReadAsync(db => db.Database.ExecuteSqlAsync($"VACUUM INTO {path}"));
        var users = await SqliteFile.CountAsync(path, "AspNetUsers");

        await using var app = new ProductionApp(path);
        var refusal = app.StartOrRefusal();

        Assert.NotNull(refusal);
        Assert.Contains("refuses to start in Production", refusal);
        foreach (var (userName, _, _) in DemoDataSeeder.StaffAccounts) Assert.Contains(userName, refusal);
        Assert.Contains("still accepting the demo password", refusal);
        Assert.Contains("new, empty database", refusal);
        Assert.Contains(app.Logs, l => l.StartsWith("Critical", StringComparison.Ordinal) && l.Contains("demo accounts", StringComparison.Ordinal));
        Assert.Equal(users, await SqliteFile.CountAsync(path, "AspNetUsers"));
    }

    [Fact]
    public async Task A_production_start_with_a_missing_database_file_is_refused_and_creates_nothing()
    {
        var path = Path.Combine(_folder.Path, "data", "salam.db");

        await using var app = new ProductionApp(path, new Dictionary<string, string?> { ["Database:SeedDemoData"] = "true" });
        var refusal = app.StartOrRefusal();

        Assert.NotNull(refusal);
        Assert.Contains($"the database file {path} does not exist", refusal);
        Assert.Contains("Database:CreateIfMissing=true", refusal);
        Assert.False(File.Exists(path));
        Assert.False(Directory.Exists(Path.GetDirectoryName(path)));
    }

    [Fact]
    public async Task The_development_sms_outbox_and_sender_do_not_exist_in_production()
    {
        await using var app = new ProductionApp(_folder.File("salam.db"), new Dictionary<string, string?> { ["Database:CreateIfMissing"] = "true" });
        Assert.Null(app.StartOrRefusal());

        var outbox = await app.CreateClient().GetAsync("/dev/sms");

        Assert.Equal(HttpStatusCode.NotFound, outbox.StatusCode);
        var page = await outbox.Content.ReadAsStringAsync();
        Assert.DoesNotContain("پیامک‌های فرستاده‌شده", page);
        Assert.Contains("این صفحه پیدا نشد", page); // the translated not-found page, not an error
        Assert.Null(app.Services.GetService<DevelopmentSmsSender>());
        Assert.IsNotType<DevelopmentSmsSender>(app.Services.GetRequiredService<ISmsSender>());
    }
}
