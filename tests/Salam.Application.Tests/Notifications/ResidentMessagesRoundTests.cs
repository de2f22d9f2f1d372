using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Notifications.Commands.QueueRoundClosingReminders;
using Salam.Application.Common.Time;
using Salam.Application.Notifications.Common;
using Salam.Application.Notifications.Residents;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SetAutoPublish;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Tests.Completions;
using Salam.Domain.Common;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>A round's texts to its neighbourhood: opened, closing tomorrow without your vote, results published.</summary>
public sealed class ResidentMessagesRoundTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    [Fact]
    public async Task Opening_a_round_texts_each_confirmed_neighbour_once_in_their_language_in_the_same_save()
    {
        var pardisan = await App.PardisanIdAsync();
        var people = await App.NeighboursAsync(pardisan, MessageKind.RoundOpened);
        var stranger = await App.NewResidentAsync((await App.MazandaranAsync()).Id);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");

        var (roundId, _) = await App.OpenFreshRoundAsync(facilitator, pardisan, "دور پیامک");

        var queued = await App.QueuedAsync($"RoundOpened:round:{roundId}");
        Assert.Equal(await App.ReachableAsync(pardisan, MessageKind.RoundOpened), queued.Select(q => q.ResidentId!.Value).Order());
        Assert.All(queued, q => Assert.Equal((MessageKind.RoundOpened, MessageChannel.Sms, roundId, MessageStatus.Pending), (q.Kind, q.Channel, q.RoundId, q.Status)));
        var none = new[] { people.OptedOut.ResidentId(), people.PendingId, people.RejectedId, stranger.ResidentId() };
        Assert.DoesNotContain(queued, q => none.Contains(q.ResidentId!.Value));

        var closesAt = await App.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundId).Select(r => r.ClosesAt).SingleAsync());
        var persian = Assert.Single(queued, q => q.ResidentId == people.Persian.ResidentId());
        Assert.Equal($"{ResidentTexts.RoundOpened("fa", "دور پیامک", closesAt)}\n{MessageText.Render("fa", "Messages.StopFooter")}", persian.Body);
        Assert.Contains("«دور پیامک»", persian.Body);
        Assert.Contains(ResidentTexts.Moment("fa", closesAt), persian.Body);
        Assert.DoesNotMatch("[0-9]", persian.Body);
        var english = Assert.Single(queued, q => q.ResidentId == people.English.ResidentId());
        Assert.StartsWith("Voting on \"دور پیامک\" is open in your neighbourhood until ", english.Body);
        Assert.EndsWith("Stop: Salam > My details > Messages", english.Body);
        Assert.Equal(await App.ReadAsync(db => db.Residents.Where(r => r.Id == people.English.ResidentId()).Select(r => r.Mobile).SingleAsync()), english.Recipient);

        // Opening it again is refused and texts no one twice; nor may another centre's facilitator open it.
        var before = await App.MessagesFingerprintAsync();
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundStatus>(facilitator, new OpenRound(roundId)));
        Assert.Equal(before, await App.MessagesFingerprintAsync());
    }

    [Fact]
    public async Task A_round_that_another_centres_facilitator_tries_to_open_stays_a_draft_and_texts_no_one()
    {
        var pardisan = await App.PardisanIdAsync();
        var draft = await App.DraftRoundAsync(pardisan, "دور پیش‌نویس", App.Clock.GetUtcNow().AddDays(3));
        var before = await App.MessagesFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("facilitator.sari"), new OpenRound(draft)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RoundStatus>(await App.FirstResidentAsync(), new OpenRound(draft)));

        Assert.Equal(before, await App.MessagesFingerprintAsync());
        Assert.Empty(await App.QueuedAsync($"RoundOpened:round:{draft}"));
    }

    [Fact]
    public async Task Neighbours_who_have_not_voted_are_reminded_the_day_before_a_round_closes_once_however_often_the_job_runs()
    {
        var pardisan = await App.PardisanIdAsync();
        var people = await App.NeighboursAsync(pardisan, MessageKind.RoundClosingSoon);
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var tomorrow6pm = ProgrammeCalendar.StartOf(App.Clock.Today().AddDays(1)).AddHours(18);
        var closingTomorrow = await App.DraftRoundAsync(pardisan, "دور فردا", tomorrow6pm);
        await App.SendAsync<RoundStatus>(facilitator, new OpenRound(closingTomorrow));
        var later = await App.DraftRoundAsync(pardisan, "دور پس‌فردا", tomorrow6pm.AddDays(1));
        await App.SendAsync<RoundStatus>(facilitator, new OpenRound(later));
        var needs = await App.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == closingTomorrow).SelectMany(r => r.Needs.Select(n => n.NeedId)).ToListAsync());
        await App.SendAsync<BallotReceipt>(people.Persian, new SubmitBallot(closingTomorrow, [needs[0]]));

        var queued = await RemindAsync();

        var reminded = await App.QueuedAsync($"RoundClosingSoon:round:{closingTomorrow}");
        Assert.True(queued >= reminded.Count);
        var expected = (await App.ReachableAsync(pardisan, MessageKind.RoundClosingSoon)).Where(id => id != people.Persian.ResidentId()).ToList();
        Assert.Equal(expected, reminded.Select(q => q.ResidentId!.Value).Order());
        Assert.Contains(reminded, q => q.ResidentId == people.English.ResidentId() && q.Body.StartsWith($"Voting on \"دور فردا\" closes {ResidentTexts.Moment("en", tomorrow6pm)}"));
        Assert.All(reminded, q => Assert.Equal(closingTomorrow, q.RoundId));
        Assert.Empty(await App.QueuedAsync($"RoundClosingSoon:round:{later}"));

        // The job again (the same day, or on another node): nothing more.
        var before = await App.MessagesFingerprintAsync();
        Assert.Equal(0, await RemindAsync());
        Assert.Equal(before, await App.MessagesFingerprintAsync());

        // Only the system runs it.
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("admin"), new QueueRoundClosingReminders()));
    }

    [Fact]
    public async Task Publishing_texts_the_neighbourhood_its_first_priority_and_a_refused_publication_texts_no_one()
    {
        var pardisan = await App.PardisanIdAsync();
        var people = await App.NeighboursAsync(pardisan, MessageKind.ResultsPublished);
        var officer = await App.PrincipalOfAsync("officer.qom");
        var (open, _) = await App.OpenRoundWithBallotsAsync("دور باز", online: 1);
        var before = await App.MessagesFingerprintAsync();
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<RoundStatus>(officer, new PublishRound(open)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<RoundStatus>(await App.PrincipalOfAsync("facilitator.pardisan"), new PublishRound(open)));
        Assert.Equal(before, await App.MessagesFingerprintAsync());

        var (roundId, _, status) = await App.ClosedRoundAsync("دور نتیجه", online: 3);
        Assert.Equal(RoundStatus.Closed, status);
        Assert.Empty(await App.QueuedAsync($"ResultsPublished:round:{roundId}")); // counted, not yet public
        await App.SendAsync<RoundStatus>(officer, new PublishRound(roundId));

        var queued = await App.QueuedAsync($"ResultsPublished:round:{roundId}");
        Assert.Equal(await App.ReachableAsync(pardisan, MessageKind.ResultsPublished), queued.Select(q => q.ResidentId!.Value).Order());
        var first = await App.ReadAsync(db => db.PriorityRounds.Where(r => r.Id == roundId).SelectMany(r => r.Results).OrderBy(r => r.Position)
            .Select(r => db.Needs.Where(n => n.Id == r.NeedId).Select(n => n.Title).Single()).FirstAsync());
        Assert.Contains($"اولویت نخست محله: «{first}»", Assert.Single(queued, q => q.ResidentId == people.Persian.ResidentId()).Body);
        Assert.Contains($"first priority: \"{first}\"", Assert.Single(queued, q => q.ResidentId == people.English.ResidentId()).Body);
        Assert.DoesNotContain(queued, q => q.ResidentId == people.OptedOut.ResidentId() || q.ResidentId == people.PendingId || q.ResidentId == people.RejectedId);
    }

    [Fact]
    public async Task A_province_that_publishes_automatically_texts_the_results_at_close()
    {
        var officer = await App.PrincipalOfAsync("officer.qom");
        var qom = await App.QomAsync();
        await App.SendAsync<Unit>(officer, new SetAutoPublish(qom, true));
        try
        {
            var (roundId, _, status) = await App.ClosedRoundAsync("دور خودکار پیامک", online: 2);
            Assert.Equal(RoundStatus.Published, status);
            var queued = await App.QueuedAsync($"ResultsPublished:round:{roundId}");
            Assert.Equal(await App.ReachableAsync(await App.PardisanIdAsync(), MessageKind.ResultsPublished), queued.Select(q => q.ResidentId!.Value).Order());
        }
        finally
        {
            await App.SendAsync<Unit>(officer, new SetAutoPublish(qom, false));
        }
    }

    private async Task<int> RemindAsync()
    {
        await using var scope = App.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystem();
        return await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new QueueRoundClosingReminders());
    }
}
