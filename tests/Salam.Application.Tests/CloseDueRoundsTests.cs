using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Rounds.Commands.CloseDueRounds;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Jobs;
using Salam.Testing;

namespace Salam.Application.Tests;

public sealed class CloseDueRoundsTests : IAsyncLifetime
{
    private TestApp _app = default!;

    public async Task InitializeAsync() => _app = await TestApp.StartAsync();

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task RunJobAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<CloseDueRoundsJob>().RunAsync(CancellationToken.None);
    }

    [Fact]
    public async Task The_job_closes_and_counts_rounds_whose_window_has_passed_and_a_second_run_changes_nothing()
    {
        var open = await _app.ReadAsync(db => db.PriorityRounds.CountAsync(r => r.Status == RoundStatus.Open));
        Assert.True(open > 0);

        await RunJobAsync();
        Assert.Equal(open, await _app.ReadAsync(db => db.PriorityRounds.CountAsync(r => r.Status == RoundStatus.Open)));

        _app.Clock.Advance(TimeSpan.FromDays(8));
        await RunJobAsync();
        var results = await _app.ReadAsync(db => db.PriorityRounds.AsNoTracking().Include(r => r.Results).Where(r => r.Status == RoundStatus.Closed)
            .ToDictionaryAsync(r => r.Id, r => r.Results.OrderBy(x => x.Position).Select(x => (x.NeedId, x.Score, x.FirstPlaces)).ToList()));
        Assert.Equal(0, await _app.ReadAsync(db => db.PriorityRounds.CountAsync(r => r.Status == RoundStatus.Open)));
        var needsOnBallot = await _app.ReadAsync(db => db.PriorityRounds.Where(r => r.Status == RoundStatus.Closed)
            .Select(r => new { r.Id, Needs = r.Needs.Count }).ToDictionaryAsync(r => r.Id, r => r.Needs));
        Assert.True(results.Count >= open, $"{results.Count} closed rounds, {open} were due");
        Assert.Equal(needsOnBallot, results.ToDictionary(r => r.Key, r => r.Value.Count)); // every need of every round has its place

        await RunJobAsync();
        var again = await _app.ReadAsync(db => db.PriorityRounds.AsNoTracking().Include(r => r.Results).Where(r => r.Status == RoundStatus.Closed)
            .ToDictionaryAsync(r => r.Id, r => r.Results.OrderBy(x => x.Position).Select(x => (x.NeedId, x.Score, x.FirstPlaces)).ToList()));
        Assert.Equal(results, again);
    }

    [Fact]
    public async Task A_person_cannot_send_the_jobs_command_even_as_admin() =>
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await _app.SendAsync<int>(await _app.PrincipalOfAsync("admin"), new CloseDueRounds()));
}
