using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Localization;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Application.Residents.Commands.DecideRegistration;
using Salam.Application.Residents.Queries;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Queries.GetBallot;
using Salam.Application.Home.Queries;
using Salam.Domain.Audit;
using Salam.Domain.Needs;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Self-registered residents wait in their facilitator's queue; pending ones cannot vote, rejected ones cannot vote or propose.</summary>
public sealed class RegistrationQueueTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task The_queue_lists_the_centres_pending_registrations_oldest_first_with_days_waited_and_no_one_elses()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var (mazandaran, _) = await App.MazandaranAsync();
        var older = await App.PendingResidentAsync(pardisan, TimeSpan.FromDays(3.5));
        var newer = await App.PendingResidentAsync(pardisan, TimeSpan.FromHours(2));
        var elsewhere = await App.PendingResidentAsync(mazandaran, TimeSpan.FromDays(9));

        var queue = await App.SendAsync<IReadOnlyList<PendingResident>>(await App.PrincipalOfAsync("facilitator.pardisan"), new GetPendingResidents());

        var mine = queue.Where(p => p.Id == older.Id || p.Id == newer.Id).ToList();
        Assert.Equal([older.Id, newer.Id], mine.Select(p => p.Id));
        Assert.Equal([3, 0], mine.Select(p => p.DaysWaited));
        Assert.DoesNotContain(queue, p => p.Id == elsewhere.Id);
        Assert.Equal(queue.OrderBy(p => p.RegisteredAt).Select(p => p.Id), queue.Select(p => p.Id));
    }

    [Fact]
    public async Task A_facilitator_confirms_a_pending_resident_who_then_votes_and_the_audit_log_records_the_confirmation()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var pending = await App.PendingResidentAsync(neighbourhoodId);

        await App.SendAsync<Mediator.Unit>(await App.PrincipalOfAsync("facilitator.pardisan"), new ConfirmResident(pending.Id));

        var stored = await App.ReadAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.Id == pending.Id));
        Assert.Equal(ResidentStatus.Confirmed, stored.Status);
        Assert.True(await App.ReadAsync(db => db.AuditEvents.AnyAsync(e => e.Kind == "Resident" && e.SubjectId == pending.Id && e.Action == AuditAction.Changed && e.Before!.Contains("\"Status\":1") && e.After!.Contains("\"Status\":0"))));
        var receipt = await App.SendAsync<BallotReceipt>(pending.Principal, new SubmitBallot(roundId, [needs[0]]));
        Assert.True(receipt.BallotId > 0);
    }

    [Fact]
    public async Task A_pending_resident_is_told_on_the_ballot_page_and_refused_by_the_command_and_no_ballot_is_written()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var pending = await App.PendingResidentAsync(neighbourhoodId);

        var form = await App.SendAsync<BallotForm>(pending.Principal, new GetBallot(roundId));
        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<BallotReceipt>(pending.Principal, new SubmitBallot(roundId, [needs[0]])));

        Assert.Equal(ResidentStatus.Pending, form.MyStatus);
        Assert.Equal(Text.Get("Residents.PendingCannotVote"), refused.Message);
        Assert.False(await App.ReadAsync(db => db.Ballots.AnyAsync(b => b.ResidentId == pending.Id)));
    }

    [Fact]
    public async Task A_pending_resident_may_propose_a_need()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var pending = await App.PendingResidentAsync(pardisan);
        var id = await App.SendAsync<int>(pending.Principal, new ProposeNeed(pardisan, "نیمکت برای پارک", "", NeedCategory.EnvironmentAndUrban, null));
        Assert.True(id > 0);
    }

    [Fact]
    public async Task A_rejected_resident_reads_the_reason_at_home_and_is_refused_voting_and_proposing_with_nothing_written()
    {
        var (roundId, neighbourhoodId, _, needs) = await App.PardisanOpenRoundAsync();
        var pending = await App.PendingResidentAsync(neighbourhoodId);
        await App.SendAsync<Mediator.Unit>(await App.PrincipalOfAsync("facilitator.pardisan"), new RejectResident(pending.Id, "  ساکن این محله نیست  "));
        var needsBefore = await App.ReadAsync(db => db.Needs.CountAsync());

        var home = await App.SendAsync<ResidentHome>(pending.Principal, new GetResidentHome());
        var vote = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<BallotReceipt>(pending.Principal, new SubmitBallot(roundId, [needs[0]])));
        var propose = await Assert.ThrowsAsync<RequestRefusedException>(() =>
            App.SendAsync<int>(pending.Principal, new ProposeNeed(neighbourhoodId, "پیشنهاد", "", NeedCategory.Health, null)));

        Assert.Equal((ResidentStatus.Rejected, "ساکن این محله نیست"), (home.Status, home.RejectionReason));
        Assert.Equal(Text.Get("Residents.RejectedCannotVote"), vote.Message);
        Assert.Equal(Text.Get("Residents.RejectedCannotPropose"), propose.Message);
        Assert.False(await App.ReadAsync(db => db.Ballots.AnyAsync(b => b.ResidentId == pending.Id)));
        Assert.Equal(needsBefore, await App.ReadAsync(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task A_rejection_without_a_reason_is_refused_and_writes_nothing()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var pending = await App.PendingResidentAsync(pardisan);
        var before = await App.ResidentsFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(async () =>
            await App.SendAsync<Mediator.Unit>(await App.PrincipalOfAsync("facilitator.pardisan"), new RejectResident(pending.Id, "  ")));

        Assert.Equal([Text.Get("Resident.RejectionReasonRequired")], refused.Errors["Reason"]);
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task Deciding_on_a_resident_of_another_centre_by_a_tampered_id_is_refused_and_writes_nothing()
    {
        var (mazandaran, _) = await App.MazandaranAsync();
        var foreign = await App.PendingResidentAsync(mazandaran);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var before = await App.ResidentsFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Mediator.Unit>(facilitator, new ConfirmResident(foreign.Id)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Mediator.Unit>(facilitator, new RejectResident(foreign.Id, "دلیل")));

        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }

    [Fact]
    public async Task A_resident_already_decided_is_not_decided_again()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var pending = await App.PendingResidentAsync(pardisan);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        await App.SendAsync<Mediator.Unit>(facilitator, new ConfirmResident(pending.Id));
        var before = await App.ResidentsFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<Mediator.Unit>(facilitator, new RejectResident(pending.Id, "دیر")));

        Assert.Equal(Text.Get("Resident.NotPending"), refused.Message);
        Assert.Equal(before, await App.ResidentsFingerprintAsync());
    }
}
