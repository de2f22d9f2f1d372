using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Completions.Commands.AnswerCompletionCheck;
using Salam.Application.Completions.Queries.GetCompletionQuestions;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Common;
using Salam.Application.Duties.Queries.GetDuty;
using Salam.Domain.Duties;
using Salam.Testing;

namespace Salam.Application.Tests.Completions;

public sealed class AnswerCompletionCheckTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    [Fact]
    public async Task The_fifth_no_disputes_the_duty_in_the_same_save_and_tells_its_agency()
    {
        var duty = await App.DoneDutyAsync();
        var residents = await App.ResidentsOfAsync(duty.NeighbourhoodId, 6);
        Assert.False((await App.AnswerAsync(residents[5], duty.Id, CompletionAnswer.Yes, "چراغ‌ها روشن است")).Disputed);
        for (var i = 0; i < 4; i++) Assert.False((await App.AnswerAsync(residents[i], duty.Id, CompletionAnswer.No, $"خاموش است {i}")).Disputed);
        Assert.Equal(DutyStatus.Done, await App.ReadAsync(db => db.Duties.Where(d => d.Id == duty.Id).Select(d => d.Status).SingleAsync()));

        Assert.True((await App.AnswerAsync(residents[4], duty.Id, CompletionAnswer.No, "هنوز خاموش")).Disputed);

        var stored = await App.ReadAsync(db => db.Duties.AsNoTracking().Include(d => d.Updates).SingleAsync(d => d.Id == duty.Id));
        Assert.Equal(DutyStatus.Disputed, stored.Status);
        Assert.Equal((DutyStatus.Done, DutyStatus.Disputed), (stored.Updates.OrderBy(u => u.Id).Last().From, stored.Updates.OrderBy(u => u.Id).Last().To));
        Assert.Equal(6, await App.ReadAsync(db => db.CompletionChecks.CountAsync(c => c.DutyId == duty.Id)));
        Assert.Equal(1, await App.ReadAsync(db => db.AgencyNotifications.CountAsync(n => n.DutyId == duty.Id && n.Kind == NotificationKind.DutyDisputed)));

        // The agency sees the residents, together, on the timeline: no one resident's name.
        var detail = await App.SendAsync<DutyDetail>(await App.PrincipalOfAsync(CompletionArrange.Manager), new GetDuty(duty.Id));
        Assert.Equal(DutyStatus.Disputed, detail.Status);
        Assert.Equal("ساکنان محله", detail.Timeline[^1].By);
    }

    [Fact]
    public async Task The_agency_answers_on_the_timeline_and_a_new_Done_asks_the_residents_again()
    {
        var duty = await App.DoneDutyAsync();
        var residents = await App.ResidentsOfAsync(duty.NeighbourhoodId, 5);
        foreach (var resident in residents) await App.AnswerAsync(resident, duty.Id, CompletionAnswer.No);
        var manager = await App.PrincipalOfAsync(CompletionArrange.Manager);
        var version = await App.ReadAsync(db => db.Duties.Where(d => d.Id == duty.Id).Select(d => d.Version).SingleAsync());

        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.InProgress, 70, null, version)));
        var working = await App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.InProgress, 70, "دو چراغ دیگر نصب می‌شود", version));
        Assert.Equal((DutyStatus.InProgress, 70), (working.Status, working.Percent));
        Assert.DoesNotContain(await App.SendAsync<IReadOnlyList<CompletionQuestion>>(residents[0], new GetCompletionQuestions()), q => q.DutyId == duty.Id);

        await App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.Done, 100, "همه نصب شد", working.Version));

        Assert.Contains(await App.SendAsync<IReadOnlyList<CompletionQuestion>>(residents[0], new GetCompletionQuestions()), q => q.DutyId == duty.Id);
        Assert.False((await App.AnswerAsync(residents[0], duty.Id, CompletionAnswer.Yes)).Disputed); // a new completion, a new answer
        Assert.Equal(2, await App.ReadAsync(db => db.Duties.Where(d => d.Id == duty.Id).Select(d => d.CompletionRound).SingleAsync()));
    }

    [Fact]
    public async Task A_resident_sees_the_question_until_they_answer_or_the_days_run_out()
    {
        var duty = await App.DoneDutyAsync();
        var (first, second) = (await App.ResidentsOfAsync(duty.NeighbourhoodId, 2)) is var r ? (r[0], r[1]) : default;

        var question = Assert.Single(await App.SendAsync<IReadOnlyList<CompletionQuestion>>(first, new GetCompletionQuestions()), q => q.DutyId == duty.Id);
        Assert.Equal(WelfareDuties.Agency, question.Agency.En);
        Assert.Equal(Domain.Common.ProgrammeCalendar.DayOf(App.Clock.GetUtcNow().AddDays(CompletionCheck.QuestionDays)), question.AnswerBy);

        await App.AnswerAsync(first, duty.Id, CompletionAnswer.Partly, "نیمی از کوچه");
        Assert.DoesNotContain(await App.SendAsync<IReadOnlyList<CompletionQuestion>>(first, new GetCompletionQuestions()), q => q.DutyId == duty.Id);
        Assert.Contains(await App.SendAsync<IReadOnlyList<CompletionQuestion>>(second, new GetCompletionQuestions()), q => q.DutyId == duty.Id);

        // A pending resident of the same neighbourhood is not asked.
        var (_, pending, _) = await App.PendingResidentAsync(duty.NeighbourhoodId);
        Assert.Empty(await App.SendAsync<IReadOnlyList<CompletionQuestion>>(pending, new GetCompletionQuestions()));
    }

    [Fact]
    public async Task Answers_that_are_not_the_residents_to_give_are_refused_and_nothing_is_written()
    {
        var duty = await App.DoneDutyAsync();
        var resident = (await App.ResidentsOfAsync(duty.NeighbourhoodId, 1))[0];
        await App.AnswerAsync(resident, duty.Id, CompletionAnswer.Yes);
        var (mazandaran, _) = await App.MazandaranAsync();
        var foreigner = (await App.ResidentsOfAsync(mazandaran, 1))[0];
        var (_, pending, _) = await App.PendingResidentAsync(duty.NeighbourhoodId);
        var unfinished = await WelfareDuties.NewAsync(App, DutyStatus.Accepted);
        var neighbour = (await App.ResidentsOfAsync(duty.NeighbourhoodId, 1))[0];
        var before = await App.CompletionFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.AnswerAsync(foreigner, duty.Id, CompletionAnswer.No));
        var twice = await Assert.ThrowsAsync<RequestRefusedException>(() => App.AnswerAsync(resident, duty.Id, CompletionAnswer.No));
        Assert.Contains("پیش‌تر", twice.Message);
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.AnswerAsync(pending, duty.Id, CompletionAnswer.No));
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.AnswerAsync(neighbour, unfinished.Id, CompletionAnswer.No));
        await Assert.ThrowsAsync<NotFoundException>(() => App.AnswerAsync(neighbour, 987_654, CompletionAnswer.No));
        var invalid = await Assert.ThrowsAsync<ValidationFailedException>(() => App.AnswerAsync(neighbour, duty.Id, (CompletionAnswer)7));
        Assert.Contains("معتبر", invalid.Message);
        var tooLong = await Assert.ThrowsAsync<ValidationFailedException>(() => App.AnswerAsync(neighbour, duty.Id, CompletionAnswer.No, new string('ن', CompletionCheck.MaxNoteLength + 1)));
        Assert.Contains("۵۰۰", tooLong.Message);
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<CompletionAnswered>(await App.PrincipalOfAsync("facilitator.pardisan"), new AnswerCompletionCheck(duty.Id, CompletionAnswer.No, null)));
        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<CompletionAnswered>(await App.PrincipalOfAsync(CompletionArrange.Manager), new AnswerCompletionCheck(duty.Id, CompletionAnswer.Yes, null)));

        Assert.Equal(before, await App.CompletionFingerprintAsync());
    }

    [Fact]
    public async Task After_the_question_days_an_answer_is_refused_and_nothing_is_written()
    {
        await using var app = await Testing.TestApp.StartAsync();
        var duty = await app.DoneDutyAsync();
        var resident = (await app.ResidentsOfAsync(duty.NeighbourhoodId, 1))[0];
        app.Clock.Advance(TimeSpan.FromDays(CompletionCheck.QuestionDays) + TimeSpan.FromMinutes(1));
        var before = await app.CompletionFingerprintAsync();

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => app.AnswerAsync(resident, duty.Id, CompletionAnswer.No));

        Assert.Contains("۱۴", refused.Message);
        Assert.Equal(before, await app.CompletionFingerprintAsync());
        Assert.DoesNotContain(await app.SendAsync<IReadOnlyList<CompletionQuestion>>(resident, new GetCompletionQuestions()), q => q.DutyId == duty.Id);
    }

    [Fact]
    public async Task Two_answers_that_read_the_duty_before_either_saved_conflict_so_the_later_one_counts_again()
    {
        // The interleaving a race can produce, made certain: without the version renewed by every answer the second save would
        // pass, each having counted the "no" answers without the other's, and a fifth "no" could go by without a dispute.
        var duty = await App.DoneDutyAsync();
        var residents = await App.ResidentsOfAsync(duty.NeighbourhoodId, 2);
        await using var first = await App.OpenContextAsync();
        await using var second = await App.OpenContextAsync();
        var seenByFirst = await first.Duties.SingleAsync(d => d.Id == duty.Id);
        var seenBySecond = await second.Duties.SingleAsync(d => d.Id == duty.Id);

        first.CompletionChecks.Add(new CompletionCheck(duty.Id, seenByFirst.CompletionRound, residents[0].ResidentId(), CompletionAnswer.No, null, DateTimeOffset.UtcNow));
        seenByFirst.CountAnswer();
        await first.SaveChangesAsync();
        second.CompletionChecks.Add(new CompletionCheck(duty.Id, seenBySecond.CompletionRound, residents[1].ResidentId(), CompletionAnswer.No, null, DateTimeOffset.UtcNow));
        seenBySecond.CountAnswer();

        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => second.SaveChangesAsync());
        Assert.Equal(1, await App.ReadAsync(db => db.CompletionChecks.CountAsync(c => c.DutyId == duty.Id)));
    }

    [Fact]
    public async Task Answers_racing_each_other_neither_lose_the_dispute_nor_store_two_answers_of_one_resident()
    {
        var duty = await App.DoneDutyAsync();
        var residents = await App.ResidentsOfAsync(duty.NeighbourhoodId, 8);
        for (var i = 0; i < 3; i++) await App.AnswerAsync(residents[i], duty.Id, CompletionAnswer.No);

        // Five more "no" at once, and the same resident submitting three times at once.
        var results = await Task.WhenAll(residents.Skip(3).Select(r => Answer(r)).Concat([Answer(residents[3]), Answer(residents[3])]));

        // The fifth "no" disputes; the ones after it find the question gone (the duty is no longer Done), as do the repeats.
        Assert.Equal(1, results.Count(r => r == "disputed"));
        Assert.Equal(1, results.Count(r => r == "counted"));
        Assert.Equal(5, results.Count(r => r == "refused"));
        Assert.Equal(DutyStatus.Disputed, await App.ReadAsync(db => db.Duties.Where(d => d.Id == duty.Id).Select(d => d.Status).SingleAsync()));
        Assert.Equal(5, await App.ReadAsync(db => db.CompletionChecks.CountAsync(c => c.DutyId == duty.Id)));
        Assert.True(await App.ReadAsync(db => db.CompletionChecks.CountAsync(c => c.DutyId == duty.Id && c.ResidentId == residents[3].ResidentId())) <= 1);
        Assert.Equal(1, await App.ReadAsync(db => db.DutyUpdates.CountAsync(u => u.DutyId == duty.Id && u.To == DutyStatus.Disputed)));

        async Task<string> Answer(System.Security.Claims.ClaimsPrincipal resident)
        {
            try { return (await App.AnswerAsync(resident, duty.Id, CompletionAnswer.No)).Disputed ? "disputed" : "counted"; }
            catch (RequestRefusedException) { return "refused"; }
        }
    }
}
