using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Mediator;
using Salam.Application.Common.Exceptions;
using Salam.Application.Completions.Commands.AnswerCompletionCheck;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Commands.FlagOverdueDuties;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Application.Duties.Common;
using Salam.Application.Notifications.Commands.FollowDuty;
using Salam.Application.Notifications.Commands.UnfollowDuty;
using Salam.Application.Tests.Completions;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>A followed duty's texts to its followers, and the completion question to its neighbourhood when it is reported done.</summary>
public sealed class ResidentMessagesDutyTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private async Task<DutyState> AdvanceAsync(int dutyId, DutyStatus to, int percent, string? note = null)
    {
        var version = await App.ReadAsync(db => db.Duties.Where(d => d.Id == dutyId).Select(d => d.Version).SingleAsync());
        return await App.SendAsync<DutyState>(await App.PrincipalOfAsync(CompletionArrange.Manager), new AdvanceDuty(dutyId, to, percent, note, version));
    }

    private static string Followed(int dutyId) => $"FollowedDutyChanged:duty:{dutyId}:";

    [Fact]
    public async Task Followers_are_texted_each_change_of_status_in_their_language_and_progress_alone_texts_no_one()
    {
        var duty = await WelfareDuties.NewAsync(App, DutyStatus.Accepted);
        var people = await App.NeighboursAsync(duty.NeighbourhoodId, MessageKind.FollowedDutyChanged);
        var bystander = await App.NewResidentAsync(duty.NeighbourhoodId);
        foreach (var resident in people.All) await App.SendAsync<bool>(resident, new FollowDuty(duty.Id));

        await AdvanceAsync(duty.Id, DutyStatus.InProgress, 30);
        var queued = await App.QueuedStartingAsync(Followed(duty.Id));
        Assert.Equal([people.Persian.ResidentId(), people.English.ResidentId()], queued.Select(q => q.ResidentId!.Value).Order());
        Assert.StartsWith("وضعیت کار «کار آزمایشی» (اداره کل بهزیستی استان قم): در حال انجام، پیشرفت ۳۰٪.", queued.Single(q => q.ResidentId == people.Persian.ResidentId()).Body);
        Assert.StartsWith($"Duty \"کار آزمایشی\" ({WelfareDuties.Agency}) is now: In progress, 30% complete.", queued.Single(q => q.ResidentId == people.English.ResidentId()).Body);
        Assert.DoesNotContain(queued, q => q.ResidentId == bystander.ResidentId());

        await AdvanceAsync(duty.Id, DutyStatus.InProgress, 60); // progress within a status: on the page only
        Assert.Equal(2, (await App.QueuedStartingAsync(Followed(duty.Id))).Count);

        await AdvanceAsync(duty.Id, DutyStatus.Blocked, 60, "مصالح نرسیده");
        await App.SendAsync<bool>(people.English, new UnfollowDuty(duty.Id));
        await AdvanceAsync(duty.Id, DutyStatus.InProgress, 70);
        await AdvanceAsync(duty.Id, DutyStatus.Blocked, 70, "باز هم مصالح نرسیده"); // blocked twice is news twice
        var all = await App.QueuedStartingAsync(Followed(duty.Id));
        Assert.Equal(2 + 2 + 1 + 1, all.Count);
        Assert.Equal(4, all.Count(q => q.ResidentId == people.Persian.ResidentId()));
        Assert.All(all, q => Assert.Equal((MessageKind.FollowedDutyChanged, MessageChannel.Sms, (int?)null), (q.Kind, q.Channel, q.RoundId)));
    }

    [Fact]
    public async Task Done_asks_the_neighbourhood_the_completion_question_and_tells_a_follower_once()
    {
        var duty = await WelfareDuties.NewAsync(App, DutyStatus.Accepted);
        var people = await App.NeighboursAsync(duty.NeighbourhoodId, MessageKind.CompletionQuestion);
        var stranger = await App.NewResidentAsync((await App.MazandaranAsync()).Id);
        await App.SendAsync<bool>(people.Persian, new FollowDuty(duty.Id));
        await App.SendAsync<bool>(people.OptedOut, new FollowDuty(duty.Id)); // not asked: told by the follower's text instead

        await AdvanceAsync(duty.Id, DutyStatus.Done, 100, "انجام شد");

        var asked = await App.QueuedAsync($"CompletionQuestion:duty:{duty.Id}:completion:1");
        Assert.Equal(await App.ReachableAsync(duty.NeighbourhoodId, MessageKind.CompletionQuestion), asked.Select(q => q.ResidentId!.Value).Order());
        Assert.DoesNotContain(asked, q => new[] { people.PendingId, people.RejectedId, stranger.ResidentId() }.Contains(q.ResidentId!.Value));
        var answerBy = Domain.Common.ProgrammeCalendar.DayOf(App.Clock.GetUtcNow().AddDays(CompletionCheck.QuestionDays));
        Assert.StartsWith($"اداره کل بهزیستی استان قم می‌گوید کار «کار آزمایشی» انجام شد. درست است؟ تا {Application.Notifications.Residents.ResidentTexts.Day("fa", answerBy)} پاسخ دهید.\n",
            asked.Single(q => q.ResidentId == people.Persian.ResidentId()).Body);
        Assert.StartsWith($"{WelfareDuties.Agency} says \"کار آزمایشی\" is done. Is it?", asked.Single(q => q.ResidentId == people.English.ResidentId()).Body);
        var told = Assert.Single(await App.QueuedStartingAsync(Followed(duty.Id)));
        Assert.Equal(people.OptedOut.ResidentId(), told.ResidentId);

        // Five "no" answers dispute it: its followers hear of that; a new Done asks everyone afresh.
        foreach (var resident in await App.ResidentsOfAsync(duty.NeighbourhoodId, CompletionCheck.DisputeThreshold))
            await App.AnswerAsync(resident, duty.Id, CompletionAnswer.No);
        var disputed = (await App.QueuedStartingAsync(Followed(duty.Id))).Where(q => q.DedupeKey.Contains(":status:Disputed:")).ToList();
        Assert.Equal([people.Persian.ResidentId(), people.OptedOut.ResidentId()], disputed.Select(q => q.ResidentId!.Value).Order());
        Assert.Contains("مورد اعتراض ساکنان", disputed.Single(q => q.ResidentId == people.Persian.ResidentId()).Body);
        await AdvanceAsync(duty.Id, DutyStatus.Done, 100, "دوباره انجام شد");
        Assert.NotEmpty(await App.QueuedAsync($"CompletionQuestion:duty:{duty.Id}:completion:2"));
    }

    [Fact]
    public async Task A_refused_change_texts_no_one()
    {
        var duty = await WelfareDuties.NewAsync(App, DutyStatus.Accepted);
        var follower = await App.NewResidentAsync(duty.NeighbourhoodId);
        await App.SendAsync<bool>(follower, new FollowDuty(duty.Id));
        var manager = await App.PrincipalOfAsync(CompletionArrange.Manager);
        var before = await App.MessagesFingerprintAsync();

        await Assert.ThrowsAsync<DutyConflictException>(() => App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.Done, 100, null, Guid.NewGuid())));
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<DutyState>(manager, new AdvanceDuty(duty.Id, DutyStatus.Declined, 0, "دیر است", duty.Version)));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<DutyState>(await App.PrincipalOfAsync("agency.qom.municipality"),
            new AdvanceDuty(duty.Id, DutyStatus.Done, 100, null, duty.Version)));
        var preview = await App.SendAsync<ImportReport>(manager, new ImportDutyUpdates(Csv($"{duty.Id},Done,100,x"), Apply: false));
        Assert.True(preview.Rows.Single().Accepted);

        Assert.Equal(before, await App.MessagesFingerprintAsync());
    }

    [Fact]
    public async Task An_applied_file_texts_each_followed_duty_once_where_its_last_row_leaves_it()
    {
        var (first, second) = (await WelfareDuties.NewAsync(App, DutyStatus.Accepted), await WelfareDuties.NewAsync(App, DutyStatus.Accepted));
        var follower = await App.NewResidentAsync(first.NeighbourhoodId);
        await App.SendAsync<bool>(follower, new FollowDuty(first.Id));
        await App.SendAsync<bool>(follower, new FollowDuty(second.Id));

        var report = await App.SendAsync<ImportReport>(await App.PrincipalOfAsync(CompletionArrange.Manager),
            new ImportDutyUpdates(Csv($"{first.Id},InProgress,20,x", $"{first.Id},InProgress,50,y", $"{second.Id},InProgress,0,z", $"{second.Id},Blocked,0,بسته"), Apply: true));
        Assert.True(report.Applied);

        Assert.Contains("پیشرفت ۵۰٪", Assert.Single(await App.QueuedStartingAsync(Followed(first.Id))).Body);
        Assert.Contains("متوقف", Assert.Single(await App.QueuedStartingAsync(Followed(second.Id))).Body);
    }

    [Fact]
    public async Task An_overdue_duty_is_texted_to_its_followers_once_however_often_the_job_runs()
    {
        await using var app = await TestApp.StartAsync();
        var duty = await WelfareDuties.NewAsync(app, DutyStatus.Accepted, due: Application.Common.Time.ProgrammeClock.Today(app.Clock).AddDays(1));
        var follower = await app.NewResidentAsync(duty.NeighbourhoodId);
        await app.SendAsync<bool>(follower, new FollowDuty(duty.Id));
        app.Clock.Advance(TimeSpan.FromDays(3));

        await FlagAsync(app);
        var told = Assert.Single(await app.QueuedAsync($"FollowedDutyChanged:duty:{duty.Id}:overdue"));
        Assert.Equal(follower.ResidentId(), told.ResidentId);
        Assert.Contains("هنوز تمام نشده", told.Body);

        var before = await app.MessagesFingerprintAsync();
        await FlagAsync(app);
        Assert.Equal(before, await app.MessagesFingerprintAsync());
    }

    private static async Task FlagAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().UseSystem();
        await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new FlagOverdueDuties());
    }

    private static byte[] Csv(params string[] rows) => Encoding.UTF8.GetBytes(string.Join('\n', ["duty_id,status,percent,note", .. rows]));
}
