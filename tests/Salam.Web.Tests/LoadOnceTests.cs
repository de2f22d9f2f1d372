using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>Counts the SQL the app runs, from EF Core's own command log.</summary>
public sealed class CommandCountingWebFactory : SalamWebFactory
{
    public ConcurrentQueue<string> Commands { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging
            .AddProvider(new CommandLog(Commands))
            .AddFilter<CommandLog>(DbCommandCategory, LogLevel.Information));
    }

    private const string DbCommandCategory = "Microsoft.EntityFrameworkCore.Database.Command";

    private sealed class CommandLog(ConcurrentQueue<string> commands) : ILoggerProvider, ILogger
    {
        public ILogger CreateLogger(string categoryName) => categoryName == DbCommandCategory ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
        public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;
        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            // 20101: a command executed.
            if (eventId.Id == 20101) commands.Enqueue(formatter(state, exception));
        }
        public void Dispose() { }
    }
}

/// <summary>
/// The paged staff lists are read once, by the live page: the prerendered HTML reads none of their rows (it shows the
/// "connecting" placeholder), and the grid's first page is one request once the circuit is up (VolunteerComponentTests).
/// </summary>
public sealed class LoadOnceTests(CommandCountingWebFactory factory) : IClassFixture<CommandCountingWebFactory>
{
    [Theory]
    [InlineData("facilitator.pardisan", "/volunteers", "FROM \"Volunteers\"")]
    [InlineData("facilitator.pardisan", "/placements", "FROM \"Duties\"")]
    [InlineData("officer.qom", "/province/escalations", "FROM \"Duties\"")]
    public async Task A_paged_staff_list_reads_none_of_its_rows_while_prerendering(string userName, string url, string rowsRead)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        factory.Commands.Clear();

        var response = await client.GetAsync(url);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("flow-connecting", await response.Content.ReadAsStringAsync());
        Assert.NotEmpty(factory.Commands); // the log is heard: signing-in state is read on every request
        Assert.DoesNotContain(factory.Commands, c => c.Contains(rowsRead, StringComparison.Ordinal));
    }
}
