using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Queries.GetRoundBallotFile;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Rounds;
using Salam.Domain.Rounds.Counting.Files;
using Microsoft.EntityFrameworkCore;

namespace Salam.Application.Tests;

/// <summary>
/// A round's ballot file: only once published, never for fewer than ten ballots, and only to those who may see its results
/// (its neighbourhood's residents, staff with the round in scope; a round id from another province is refused).
/// </summary>
public sealed class PublishBallotFileTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task The_file_of_a_round_closed_but_not_published_is_refused_to_staff_and_residents()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور پرونده", online: 10);
        // Signing in may create the resident's account (an audited write) the first time: before the fingerprint, not inside it.
        var callers = new[] { await App.PrincipalOfAsync("officer.qom"), await App.PrincipalOfAsync("facilitator.pardisan"), await App.FirstResidentAsync() };
        var before = await App.CountFingerprintAsync();

        foreach (var who in callers)
        {
            var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<BallotFile>(who, new GetRoundBallotFile(roundId)));
            Assert.Equal(Text.Get("Results.FileNotYet"), refused.Message);
        }
        Assert.Equal(before, await App.CountFingerprintAsync());
    }

    [Fact]
    public async Task A_published_round_of_fewer_than_ten_ballots_publishes_totals_only()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور کوچک", online: 8, paper: 1);
        await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.qom"), new PublishRound(roundId));

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () =>
            await App.SendAsync<BallotFile>(await App.FirstResidentAsync(), new GetRoundBallotFile(roundId)));
        Assert.Equal(Text.Get("Results.TooFewForFile", 10), refused.Message);
        var results = await App.SendAsync<RoundResults>(await App.FirstResidentAsync(), new GetRoundResults(roundId));
        Assert.False(results.Count!.FileAvailable);
        Assert.Equal(9, results.Ballots);
    }

    [Fact]
    public async Task Residents_of_the_neighbourhood_and_staff_in_scope_download_it_and_the_others_are_refused()
    {
        var (roundId, _, _) = await App.ClosedRoundAsync("دور همگانی", online: 10);
        await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("officer.qom"), new PublishRound(roundId));
        var hash = await App.ReadAsync(db => db.RoundCounts.Where(c => c.RoundId == roundId).Select(c => c.Sha256).SingleAsync());

        foreach (var who in new[] { await App.FirstResidentAsync(), await App.PrincipalOfAsync("facilitator.pardisan"), await App.PrincipalOfAsync("officer.qom"),
                     await App.PrincipalOfAsync("ministry"), await App.PrincipalOfAsync("admin") })
            Assert.Equal(hash, (await App.SendAsync<BallotFile>(who, new GetRoundBallotFile(roundId))).Sha256);

        var elsewhere = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa != "پردیسان").Select(n => n.Id).FirstAsync());
        foreach (var who in new[] { await App.PrincipalOfAsync("officer.mazandaran"), await App.PrincipalOfAsync("facilitator.sari"), await App.NewResidentAsync(elsewhere) })
            await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<BallotFile>(who, new GetRoundBallotFile(roundId)));
    }

    [Fact]
    public async Task A_round_id_from_another_province_is_refused_however_it_was_published()
    {
        // The demo's Mazandaran rounds are published with their count record; officer.qom tampers the id in the address.
        var mazandaranRound = await App.ReadAsync(db => db.PriorityRounds
            .Where(r => r.Status == RoundStatus.Published && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.County!.Province!.NameEn == "Mazandaran"))
            .Select(r => r.Id).FirstAsync());
        var refused = await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<BallotFile>(await App.PrincipalOfAsync("officer.qom"), new GetRoundBallotFile(mazandaranRound)));
        Assert.Equal(Text.Get("Forbidden.Scope"), refused.Message);
    }
}
