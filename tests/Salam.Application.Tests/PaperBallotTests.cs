using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Commands.SubmitPaperBallot;
using Salam.Domain.Rounds;

namespace Salam.Application.Tests;

public sealed class PaperBallotTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task A_facilitator_enters_a_paper_ballot_for_a_new_resident_who_is_registered_in_the_rounds_neighbourhood()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var batchId = await App.OpenPaperBatchAsync(facilitator, roundId);

        var receipt = await App.SendAsync<PaperBallotReceipt>(facilitator, new SubmitPaperBallot(roundId, "0499370899", "۰۹۱۹۱۲۳۴۵۶۷", "رقیه احمدی", [needs[1], needs[0]], batchId));

        var ballot = await App.ReadAsync(db => db.Ballots.AsNoTracking().Include(b => b.Entries).SingleAsync(b => b.Id == receipt.BallotId));
        Assert.Equal(BallotChannel.Paper, ballot.Channel);
        Assert.NotNull(ballot.EnteredByUserId);
        var resident = await App.ReadAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.Id == receipt.ResidentId));
        Assert.Equal(("0499370899", "09191234567", neighbourhoodId), (resident.NationalId, resident.Mobile, resident.NeighbourhoodId));
    }

    [Fact]
    public async Task A_paper_ballot_for_someone_who_already_voted_online_is_refused_and_nothing_is_written()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var batchId = await App.OpenPaperBatchAsync(await App.PrincipalOfAsync("facilitator.pardisan"), roundId);
        var voter = await App.ReadAsync(db => db.Residents.AsNoTracking()
            .FirstAsync(r => r.NeighbourhoodId == neighbourhoodId && r.NationalId != null && db.Ballots.Any(b => b.RoundId == roundId && b.ResidentId == r.Id && b.Channel == BallotChannel.Online)));
        var before = await App.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBallotReceipt>(
            await App.PrincipalOfAsync("facilitator.pardisan"), new SubmitPaperBallot(roundId, voter.NationalId!, voter.Mobile, voter.FullName, [needs[0]], batchId)));

        Assert.Contains("رأی اینترنتی", refused.Message);
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task A_national_id_and_mobile_of_two_different_people_are_refused()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var batchId = await App.OpenPaperBatchAsync(await App.PrincipalOfAsync("facilitator.pardisan"), roundId);
        var two = await App.ReadAsync(db => db.Residents.AsNoTracking().Where(r => r.NeighbourhoodId == neighbourhoodId && r.NationalId != null).Take(2).ToListAsync());
        var before = await App.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBallotReceipt>(
            await App.PrincipalOfAsync("facilitator.pardisan"), new SubmitPaperBallot(roundId, two[0].NationalId!, two[1].Mobile, "x", [needs[0]], batchId)));

        Assert.Contains("کد ملی و شمارهٔ همراه", refused.Message);
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Theory]
    [InlineData("0499370898", "09191234500", "کد ملی معتبر نیست")]
    [InlineData("0790419904", "0912", "شماره همراه معتبر نیست")]
    public async Task A_wrong_national_id_or_mobile_is_refused_and_nothing_is_written(string nationalId, string mobile, string message)
    {
        var (roundId, _, _, needs) = await App.PardisanOpenRoundAsync();
        var batchId = await App.OpenPaperBatchAsync(await App.PrincipalOfAsync("facilitator.pardisan"), roundId);
        var before = await App.FingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<PaperBallotReceipt>(
            await App.PrincipalOfAsync("facilitator.pardisan"), new SubmitPaperBallot(roundId, nationalId, mobile, "نام", [needs[0]], batchId)));

        Assert.Contains(message, refused.Message);
        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task A_paper_ballot_that_breaks_the_rules_writes_no_new_resident_either()
    {
        var (roundId, _, _, needs) = await App.PardisanOpenRoundAsync();
        var batchId = await App.OpenPaperBatchAsync(await App.PrincipalOfAsync("facilitator.pardisan"), roundId);
        var before = await App.FingerprintAsync();

        await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBallotReceipt>(
            await App.PrincipalOfAsync("facilitator.pardisan"), new SubmitPaperBallot(roundId, "0084575948", "09191230000", "نام", [needs[0], needs[0]], batchId)));

        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task A_facilitator_of_another_centre_cannot_enter_paper_ballots_here()
    {
        var (roundId, _, _, needs) = await App.PardisanOpenRoundAsync();
        var batchId = await App.OpenPaperBatchAsync(await App.PrincipalOfAsync("facilitator.pardisan"), roundId);
        var before = await App.FingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<PaperBallotReceipt>(
            await App.PrincipalOfAsync("facilitator.sari"), new SubmitPaperBallot(roundId, "0067749828", "09191230001", "نام", [needs[0]], batchId)));

        Assert.Equal(before, await App.FingerprintAsync());
    }

    [Fact]
    public async Task Online_and_paper_turnout_are_counted_apart_and_online_revision_of_a_paper_ballot_counts_as_online()
    {
        var (roundId, _, _, needs) = await App.PardisanOpenRoundAsync();
        var batchId = await App.OpenPaperBatchAsync(await App.PrincipalOfAsync("facilitator.pardisan"), roundId);
        var receipt = await App.SendAsync<PaperBallotReceipt>(await App.PrincipalOfAsync("facilitator.pardisan"),
            new SubmitPaperBallot(roundId, "0790419904", "09191239999", "مرتضی کریمی", [needs[2]], batchId));
        var paper = await App.ReadAsync(db => db.Ballots.CountAsync(b => b.RoundId == roundId && b.Channel == BallotChannel.Paper));

        var online = await App.SendAsync<BallotReceipt>(await App.ResidentPrincipalAsync("09191239999"), new SubmitBallot(roundId, [needs[3]]));

        Assert.Equal(receipt.BallotId, online.BallotId);
        Assert.Equal(paper - 1, await App.ReadAsync(db => db.Ballots.CountAsync(b => b.RoundId == roundId && b.Channel == BallotChannel.Paper)));
    }
}
