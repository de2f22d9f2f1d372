using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Commands.SubmitPaperBallot;
using Salam.Application.Rounds.PaperBatches;
using Salam.Application.Rounds.PaperBatches.ClosePaperBatch;
using Salam.Application.Rounds.PaperBatches.CountersignPaperBatch;
using Salam.Application.Rounds.PaperBatches.GetPaperBatches;
using Salam.Application.Rounds.PaperBatches.OpenPaperBatch;
using Salam.Application.Staff.Commands.CreateStaffAccount;
using Salam.Domain.Audit;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Paper sheets are entered in batches of a declared size, closed when the count matches, and countersigned by someone else.</summary>
public sealed class PaperBatchTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private static int _serial;
    private TestApp App => fixture.App;

    private Task<ClaimsPrincipal> FacilitatorAsync() => App.PrincipalOfAsync("facilitator.pardisan");

    /// <summary>A fresh resident of the round's neighbourhood on paper: a national id and a mobile nobody holds yet.</summary>
    private static SubmitPaperBallot Sheet(int roundId, int needId, int batchId)
    {
        var n = Interlocked.Increment(ref _serial);
        return new SubmitPaperBallot(roundId, NationalIds.Valid(3000 + n), $"0936{n + 4000000:D7}", "برگهٔ کاغذی", [needId], batchId);
    }

    private async Task<(int RoundId, List<int> Needs, int BatchId)> BatchWithSheetsAsync(int declared, int entered)
    {
        var (roundId, _, _, needs) = await App.PardisanOpenRoundAsync();
        var facilitator = await FacilitatorAsync();
        var batchId = await App.OpenPaperBatchAsync(facilitator, roundId, declared);
        for (var i = 0; i < entered; i++) await App.SendAsync<PaperBallotReceipt>(facilitator, Sheet(roundId, needs[i % needs.Count], batchId));
        return (roundId, needs, batchId);
    }

    private Task<List<AuditEvent>> EventsSinceAsync(long id) => App.ReadAsync(db => db.AuditEvents.AsNoTracking().Where(e => e.Id > id).OrderBy(e => e.Id).ToListAsync());

    private Task<long> LastEventAsync() => App.ReadAsync(async db => await db.AuditEvents.MaxAsync(e => (long?)e.Id) ?? 0);

    private static JsonElement Value(string? json, string property) => JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(json!)![property];

    /// <summary>The number a change set a field to; null when it left the field alone.</summary>
    private static int? Set(AuditEvent change, string property) =>
        JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(change.After!)!.TryGetValue(property, out var value) ? value.GetInt32() : null;

    private static bool Sets(AuditEvent change, PaperBatchStatus status) => Set(change, "Status") == (int)status;

    [Fact]
    public async Task A_batch_is_opened_filled_closed_and_countersigned_by_the_officer_and_each_step_is_in_the_audit_log()
    {
        var since = await LastEventAsync();
        var (roundId, _, batchId) = await BatchWithSheetsAsync(declared: 2, entered: 2);
        Assert.True(await App.ReadAsync(db => db.HasUnfinishedPaperBatchAsync(roundId, CancellationToken.None)));

        Assert.Equal(PaperBatchStatus.Closed, await App.SendAsync<PaperBatchStatus>(await FacilitatorAsync(), new ClosePaperBatch(batchId)));
        Assert.True(await App.ReadAsync(db => db.HasUnfinishedPaperBatchAsync(roundId, CancellationToken.None)), "closed is not yet countersigned");
        var officer = await App.PrincipalOfAsync("officer.qom");
        var row = Assert.Single(await App.SendAsync<IReadOnlyList<PaperBatchRow>>(officer, new GetPaperBatches(roundId)), r => r.Id == batchId);
        Assert.True(row.MayCountersign);
        Assert.Equal(PaperBatchStatus.Countersigned, await App.SendAsync<PaperBatchStatus>(officer, new CountersignPaperBatch(batchId)));

        var batch = await App.ReadAsync(db => db.PaperBatches.AsNoTracking().SingleAsync(b => b.Id == batchId));
        Assert.Equal((2, 2, PaperBatchStatus.Countersigned), (batch.DeclaredSheets, batch.EnteredSheets, batch.Status));
        Assert.Equal(officer.FindFirstValue(ClaimTypes.NameIdentifier), batch.CountersignedByUserId.ToString());
        Assert.NotNull(batch.ClosedAt);
        Assert.Equal(2, await App.ReadAsync(db => db.Ballots.CountAsync(b => b.PaperBatchId == batchId && b.Channel == BallotChannel.Paper)));
        var unfinished = await App.ReadAsync(db => db.PaperBatches.AnyAsync(b => b.RoundId == roundId && b.Id != batchId && b.Status != PaperBatchStatus.Countersigned));
        Assert.Equal(unfinished, await App.ReadAsync(db => db.HasUnfinishedPaperBatchAsync(roundId, CancellationToken.None)));

        var events = await EventsSinceAsync(since);
        var batchEvents = events.Where(e => e.Kind == "PaperBatch" && e.SubjectId == batchId).ToList();
        Assert.Equal(AuditAction.Created, batchEvents[0].Action);
        Assert.Single(batchEvents, e => e.Action == AuditAction.Changed && Sets(e, PaperBatchStatus.Closed));
        var countersigned = Assert.Single(batchEvents, e => e.Action == AuditAction.Changed && Sets(e, PaperBatchStatus.Countersigned));
        Assert.Equal("officer.qom", await App.ReadAsync(db => db.Users.Where(u => u.Id == countersigned.ActorUserId).Select(u => u.UserName).SingleAsync()));
        Assert.NotNull(countersigned.ProvinceId);
        // Each sheet entered is a ballot event naming its batch, and moves the batch's count.
        Assert.Equal(2, batchEvents.Count(e => e.Action == AuditAction.Changed && Set(e, "EnteredSheets") is not null));
        Assert.Equal(2, events.Count(e => e.Kind == "Ballot" && e.Action == AuditAction.Created && Value(e.After, "PaperBatchId").GetInt32() == batchId));
    }

    [Fact]
    public async Task Another_facilitator_of_the_centre_countersigns_and_the_opener_sees_no_countersign_button()
    {
        var (roundId, _, batchId) = await BatchWithSheetsAsync(declared: 1, entered: 1);
        await App.SendAsync<PaperBatchStatus>(await FacilitatorAsync(), new ClosePaperBatch(batchId));
        var pardisan = await App.CentreAsync(DemoCentres.Pardisan);
        var n = Interlocked.Increment(ref _serial);
        await App.SendAsync<int>(await App.PrincipalOfAsync("officer.qom"),
            new CreateStaffAccount($"second.pardisan{n}", "تسهیلگر دوم", $"0912{n + 5550000:D7}", Role.Facilitator, null, pardisan, null, StaffData.GoodPassword));
        var second = await App.PrincipalOfAsync($"second.pardisan{n}");

        Assert.False(Assert.Single(await App.SendAsync<IReadOnlyList<PaperBatchRow>>(await FacilitatorAsync(), new GetPaperBatches(roundId)), r => r.Id == batchId).MayCountersign);
        Assert.True(Assert.Single(await App.SendAsync<IReadOnlyList<PaperBatchRow>>(second, new GetPaperBatches(roundId)), r => r.Id == batchId).MayCountersign);
        Assert.Equal(PaperBatchStatus.Countersigned, await App.SendAsync<PaperBatchStatus>(second, new CountersignPaperBatch(batchId)));

        var row = Assert.Single(await App.SendAsync<IReadOnlyList<PaperBatchRow>>(await FacilitatorAsync(), new GetPaperBatches(roundId)), r => r.Id == batchId);
        Assert.Equal(("تسهیلگر دوم", 1, 1), (row.CountersignedBy, row.EnteredSheets, row.DeclaredSheets));
        Assert.False(string.IsNullOrEmpty(row.OpenedBy));
    }

    [Fact]
    public async Task Countersigning_ones_own_batch_is_refused_and_nothing_is_written()
    {
        var (_, _, batchId) = await BatchWithSheetsAsync(declared: 1, entered: 1);
        await App.SendAsync<PaperBatchStatus>(await FacilitatorAsync(), new ClosePaperBatch(batchId));
        var before = await App.BatchesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBatchStatus>(await FacilitatorAsync(), new CountersignPaperBatch(batchId)));

        Assert.Contains("نمی‌تواند آن را تأیید کند", refused.Message);
        Assert.Equal(before, await App.BatchesFingerprintAsync());
    }

    [Fact]
    public async Task Countersigning_an_open_batch_is_refused_and_nothing_is_written()
    {
        var (_, _, batchId) = await BatchWithSheetsAsync(declared: 1, entered: 1);
        var before = await App.BatchesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBatchStatus>(await App.PrincipalOfAsync("officer.qom"), new CountersignPaperBatch(batchId)));

        Assert.Contains("هنوز باز است", refused.Message);
        Assert.Equal(before, await App.BatchesFingerprintAsync());
    }

    [Fact]
    public async Task Closing_a_batch_whose_count_differs_is_refused_with_both_numbers_and_nothing_is_written()
    {
        var (_, _, batchId) = await BatchWithSheetsAsync(declared: 3, entered: 2);
        var before = await App.BatchesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBatchStatus>(await FacilitatorAsync(), new ClosePaperBatch(batchId)));

        Assert.Equal("در این دسته ۲ برگه وارد شده ولی ۳ برگه اعلام شده است؛ تا این دو برابر نشوند دسته بسته نمی‌شود.", refused.Message);
        Assert.Equal(before, await App.BatchesFingerprintAsync());
    }

    [Fact]
    public async Task Entering_more_sheets_than_declared_is_refused_and_nothing_is_written()
    {
        var (roundId, needs, batchId) = await BatchWithSheetsAsync(declared: 1, entered: 1);
        var before = (await App.FingerprintAsync(), await App.BatchesFingerprintAsync());

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBallotReceipt>(await FacilitatorAsync(), Sheet(roundId, needs[0], batchId)));

        Assert.Equal(Text.Get("PaperBatch.Full", 1), refused.Message);
        Assert.Equal(before, (await App.FingerprintAsync(), await App.BatchesFingerprintAsync()));
    }

    [Fact]
    public async Task Entering_into_a_closed_batch_is_refused_and_nothing_is_written()
    {
        var (roundId, needs, batchId) = await BatchWithSheetsAsync(declared: 1, entered: 1);
        await App.SendAsync<PaperBatchStatus>(await FacilitatorAsync(), new ClosePaperBatch(batchId));
        var before = (await App.FingerprintAsync(), await App.BatchesFingerprintAsync());

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBallotReceipt>(await FacilitatorAsync(), Sheet(roundId, needs[0], batchId)));

        Assert.Contains("این دسته بسته شده است", refused.Message);
        Assert.Equal(before, (await App.FingerprintAsync(), await App.BatchesFingerprintAsync()));
    }

    [Fact]
    public async Task Entering_into_another_rounds_batch_is_refused_and_nothing_is_written()
    {
        var facilitator = await FacilitatorAsync();
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var (otherRoundId, _) = await App.OpenFreshRoundAsync(facilitator, neighbourhoodId, "دور دیگر برای دسته");
        var otherBatch = await App.OpenPaperBatchAsync(facilitator, otherRoundId, 5);
        var before = (await App.FingerprintAsync(), await App.BatchesFingerprintAsync());

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(async () => await App.SendAsync<PaperBallotReceipt>(facilitator, Sheet(roundId, needs[0], otherBatch)));
        var after = (await App.FingerprintAsync(), await App.BatchesFingerprintAsync());
        // Pardisan keeps one open round for the other tests of this class.
        await App.SendAsync<RoundStatus>(facilitator, new CloseRound(otherRoundId));

        Assert.Contains("از دور دیگری است", refused.Message);
        Assert.Equal(before, after);
    }

    [Fact]
    public async Task A_facilitator_of_another_centre_can_neither_open_enter_close_nor_countersign_here_and_nothing_is_written()
    {
        var (roundId, needs, batchId) = await BatchWithSheetsAsync(declared: 2, entered: 1);
        var sari = await App.PrincipalOfAsync("facilitator.sari");
        var mazandaran = await App.PrincipalOfAsync("officer.mazandaran");
        var before = (await App.FingerprintAsync(), await App.BatchesFingerprintAsync());

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<int>(sari, new OpenPaperBatch(roundId, 5)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<PaperBallotReceipt>(sari, Sheet(roundId, needs[0], batchId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<PaperBatchStatus>(sari, new ClosePaperBatch(batchId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<PaperBatchStatus>(sari, new CountersignPaperBatch(batchId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<PaperBatchStatus>(mazandaran, new CountersignPaperBatch(batchId)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<IReadOnlyList<PaperBatchRow>>(sari, new GetPaperBatches(roundId)));

        Assert.Equal(before, (await App.FingerprintAsync(), await App.BatchesFingerprintAsync()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public async Task A_batch_of_no_sheets_or_more_than_ten_thousand_is_refused_and_nothing_is_written(int declared)
    {
        var (roundId, _, _, _) = await App.PardisanOpenRoundAsync();
        var before = await App.BatchesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<int>(await FacilitatorAsync(), new OpenPaperBatch(roundId, declared)));

        Assert.Contains("بین ۱ و ۱۰۰۰۰", refused.Message);
        Assert.Equal(before, await App.BatchesFingerprintAsync());
    }

    [Fact]
    public async Task Desks_entering_into_one_batch_at_once_never_enter_more_sheets_than_declared()
    {
        var (roundId, needs, batchId) = await BatchWithSheetsAsync(declared: 5, entered: 0);
        var facilitator = await FacilitatorAsync();
        var sheets = Enumerable.Range(0, 12).Select(i => Sheet(roundId, needs[i % needs.Count], batchId)).ToList();

        var outcomes = await Task.WhenAll(sheets.Select(sheet => Task.Run(async () =>
        {
            try
            {
                await App.SendAsync<PaperBallotReceipt>(facilitator, sheet);
                return "entered";
            }
            catch (RequestRefusedException refused)
            {
                return refused.Message;
            }
        })));

        Assert.Equal(5, outcomes.Count(o => o == "entered"));
        Assert.All(outcomes.Where(o => o != "entered"), message => Assert.Equal(Text.Get("PaperBatch.Full", 5), message));
        Assert.Equal(5, await App.ReadAsync(db => db.PaperBatches.Where(b => b.Id == batchId).Select(b => b.EnteredSheets).SingleAsync()));
        Assert.Equal(5, await App.ReadAsync(db => db.Ballots.CountAsync(b => b.PaperBatchId == batchId)));
    }

    [Fact]
    public async Task An_online_ballot_replacing_a_paper_one_is_an_audit_event_from_paper_to_online()
    {
        var (roundId, needs, batchId) = await BatchWithSheetsAsync(declared: 1, entered: 0);
        var receipt = await App.SendAsync<PaperBallotReceipt>(await FacilitatorAsync(),
            new SubmitPaperBallot(roundId, NationalIds.Valid(2900), "09368889999", "رأی‌دهندهٔ دوگانه", [needs[0]], batchId));
        var since = await LastEventAsync();

        await App.SendAsync<BallotReceipt>(await App.ResidentPrincipalAsync("09368889999"), new SubmitBallot(roundId, [needs[1]]));

        var replaced = Assert.Single(await EventsSinceAsync(since), e => e.Kind == "Ballot");
        Assert.Equal((AuditAction.Changed, receipt.BallotId), (replaced.Action, replaced.SubjectId));
        Assert.Equal((int)BallotChannel.Paper, Value(replaced.Before, "Channel").GetInt32());
        Assert.Equal((int)BallotChannel.Online, Value(replaced.After, "Channel").GetInt32());
        Assert.NotNull(replaced.ProvinceId);
    }
}
