using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salam.Application.Home.Queries;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>
/// What the homes' SQL reads: the national and province homes never touch the ballots table, and the facilitator home
/// reaches ballots only through an index (SQLite's plan has no SCAN of it). The statements are the ones EF ran, captured
/// from its command log; the plans are SQLite's own (EXPLAIN QUERY PLAN), so this class stays on a SQLite file in every lane.
/// </summary>
public sealed partial class DashboardQueryPlanTests : IAsyncLifetime
{
    private readonly CommandCapture _commands = new();
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync(onSqliteFile: true, configure: services =>
        services.AddLogging(logging => logging.AddProvider(_commands)
            .AddFilter<CommandCapture>(DbLoggerCategory.Database.Command.Name, LogLevel.Information)));

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<List<string>> StatementsOfAsync<T>(string user, Mediator.IMessage query)
    {
        var principal = await _app.PrincipalOfAsync(user);
        _commands.Statements.Clear();
        await _app.SendAsync<T>(principal, query);
        return [.. _commands.Statements];
    }

    [Theory]
    [InlineData("ministry")]
    [InlineData("officer.qom")]
    public async Task The_national_and_province_homes_never_read_the_ballots_table(string user)
    {
        var statements = user == "ministry"
            ? await StatementsOfAsync<NationalHome>(user, new GetNationalHome())
            : await StatementsOfAsync<ProvinceHome>(user, new GetProvinceHome());

        Assert.Contains(statements, s => s.Contains("\"RollupSnapshots\"", StringComparison.Ordinal));
        Assert.All(statements, s => Assert.DoesNotContain("\"Ballots\"", s, StringComparison.Ordinal));
    }

    [Fact]
    public async Task The_facilitator_home_reaches_ballots_only_through_an_index()
    {
        var statements = await StatementsOfAsync<FacilitatorHome>("facilitator.pardisan", new GetFacilitatorHome());
        var connection = await _app.ReadAsync(db => Task.FromResult(db.Database.GetConnectionString()!));
        var readingBallots = statements.Where(s => s.Contains("\"Ballots\"", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(readingBallots); // the open rounds' turnout is live

        await using var sqlite = new SqliteConnection(connection);
        await sqlite.OpenAsync();
        foreach (var statement in readingBallots)
        {
            var aliases = BallotsAlias().Matches(statement).Select(m => m.Groups[1].Value).ToList();
            Assert.NotEmpty(aliases);
            var plan = await PlanAsync(sqlite, statement);
            Assert.Contains(plan, row => aliases.Any(a => row.StartsWith($"SEARCH {a} ", StringComparison.Ordinal)));
            Assert.DoesNotContain(plan, row => aliases.Any(a => row.StartsWith($"SCAN {a}", StringComparison.Ordinal)));
        }
    }

    /// <summary>SQLite's plan of a statement, every parameter bound to 1 (the plan does not depend on the values here).</summary>
    private static async Task<List<string>> PlanAsync(SqliteConnection sqlite, string statement)
    {
        await using var command = sqlite.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + statement;
        foreach (var name in Parameter().Matches(statement).Select(m => m.Value).Distinct()) command.Parameters.AddWithValue(name, 1);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync()) rows.Add(reader.GetString(3));
        return rows;
    }

    [GeneratedRegex("\"Ballots\" AS \"?(\\w+)\"?")]
    private static partial Regex BallotsAlias();

    [GeneratedRegex("@\\w+")]
    private static partial Regex Parameter();

    /// <summary>Keeps the text of every command EF executes (its command log's structured "commandText").</summary>
    private sealed class CommandCapture : ILoggerProvider
    {
        public ConcurrentQueue<string> Statements { get; } = new();

        public ILogger CreateLogger(string categoryName) => new Capture(this);

        public void Dispose() { }

        private sealed class Capture(CommandCapture owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (eventId.Id != Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted.Id) return;
                if (state is IEnumerable<KeyValuePair<string, object?>> values && values.FirstOrDefault(v => v.Key == "commandText").Value is string text)
                    owner.Statements.Enqueue(text);
            }
        }
    }
}
