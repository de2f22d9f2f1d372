using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging.Abstractions;
using Salam.Application.Common.Interfaces;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Reports;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>A run repeated, two runs at once, and a run killed half-way then run again all leave what one clean run leaves.</summary>
public sealed class RollupSafetyTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = RollupCountry.T0.AddDays(4);
    private TestApp _app = default!;
    private List<string> _oneCleanRun = default!;

    public async Task InitializeAsync()
    {
        // The same country in a database of its own, rolled up once at the same minute: what every case must match.
        await using (var clean = await StartCountryAsync())
        {
            await clean.RunRollupAsync(RollupMode.Full);
            _oneCleanRun = await clean.AllSnapshotsAsync();
        }
        _app = await StartCountryAsync();
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private static async Task<TestApp> StartCountryAsync()
    {
        var app = await TestApp.StartAsync(seedDemoData: false, now: Now);
        await app.ReadAsync(async db => { await new RollupCountry().BuildAsync(db); return 0; });
        return app;
    }

    [Fact]
    public async Task A_run_repeated_within_its_minute_replaces_its_snapshots_rather_than_doubling_them()
    {
        await _app.RunRollupAsync(RollupMode.Full);
        await _app.RunRollupAsync(RollupMode.Full);
        await _app.RunRollupAsync(RollupMode.Incremental);
        Assert.Equal(_oneCleanRun, await _app.AllSnapshotsAsync());
    }

    [Fact]
    public async Task Two_runs_at_once_leave_the_snapshots_of_one_run()
    {
        await Task.WhenAll(Task.Run(() => _app.RunRollupAsync(RollupMode.Full)), Task.Run(() => _app.RunRollupAsync(RollupMode.Full)),
            Task.Run(() => _app.RunRollupAsync(RollupMode.Incremental)));
        Assert.Equal(_oneCleanRun, await _app.AllSnapshotsAsync());
    }

    [Fact]
    public async Task A_run_that_starts_while_another_is_half_way_waits_for_its_commit_and_then_replaces_it()
    {
        // No marks and no snapshots yet: nothing the two runs touch is locked by the first before it inserts this minute's rows.
        await _app.ReadAsync(db => db.RollupMarks.ExecuteDeleteAsync());
        var paused = new PauseAt(statement: 5);
        await using var first = await _app.OpenContextAsync(paused);
        var firstRun = Task.Run(() => new RollupEngine(first, NullLogger<RollupEngine>.Instance).RunAsync(RollupMode.Full, Now, CancellationToken.None));
        await paused.Reached.WaitAsync(TimeSpan.FromSeconds(60));

        // The run lock (SQLite: the file's write lock; SQL Server and PostgreSQL: an application or advisory lock) holds the
        // second run before it touches anything; without it the second would write the same minute's snapshots beside the first's.
        var secondRun = Task.Run(() => _app.RunRollupAsync(RollupMode.Full));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.False(secondRun.IsCompleted);
        paused.Release();
        await Task.WhenAll(firstRun, secondRun);

        Assert.Equal(_oneCleanRun, await _app.AllSnapshotsAsync());
    }

    [Fact]
    public async Task A_run_killed_half_way_writes_nothing_keeps_its_marks_and_the_next_run_gives_the_clean_result()
    {
        var marks = await _app.ReadAsync(db => db.RollupMarks.CountAsync());
        Assert.True(marks > 0);

        // Killed after the neighbourhoods and counties are written, while the provinces' breakdowns go in.
        var killed = await Assert.ThrowsAsync<IOException>(() => RunKilledAsync(afterStatements: 11));
        Assert.Equal("killed", killed.Message);
        Assert.Empty(await _app.AllSnapshotsAsync());
        Assert.Equal(marks, await _app.ReadAsync(db => db.RollupMarks.CountAsync(m => !m.Claimed)));

        await _app.RunRollupAsync(RollupMode.Full);
        Assert.Equal(_oneCleanRun, await _app.AllSnapshotsAsync());
        Assert.Equal(0, await _app.ReadAsync(db => db.RollupMarks.CountAsync()));
    }

    private async Task RunKilledAsync(int afterStatements)
    {
        await using var db = await _app.OpenContextAsync(new KillAfter(afterStatements));
        await new RollupEngine(db, NullLogger<RollupEngine>.Instance).RunAsync(RollupMode.Full, Now, CancellationToken.None);
    }

    /// <summary>Holds a run at one statement, inside its transaction, until released.</summary>
    private sealed class PauseAt(int statement) : DbCommandInterceptor
    {
        private readonly TaskCompletionSource _reached = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource _released = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _seen;

        public Task Reached => _reached.Task;

        public void Release() => _released.TrySetResult();

        public override async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (++_seen != statement) return result;
            _reached.TrySetResult();
            await _released.Task;
            return result;
        }
    }

    /// <summary>Lets a number of statements through, then fails the next, as a process dying mid-run would.</summary>
    private sealed class KillAfter(int statements) : DbCommandInterceptor
    {
        private int _seen;

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default) =>
            ++_seen > statements ? throw new IOException("killed") : ValueTask.FromResult(result);
    }
}
