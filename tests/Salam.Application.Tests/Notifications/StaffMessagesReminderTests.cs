using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.AdvanceDuty;
using Salam.Application.Duties.Common;
using Salam.Application.Notifications.Commands.QueueDutyReminders;
using Salam.Application.Notifications.Commands.QueuePendingResidentsDigest;
using Salam.Application.Notifications.Commands.QueueShiftReminders;
using Salam.Application.Tests.Completions;
using Salam.Application.Tests.Shifts;
using Salam.Domain.Common;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Infrastructure.Jobs;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>
/// The daily reminders, judged on Tehran days: the clock stands at 21:00 UTC, already 00:30 of the next day in Tehran, so a
/// window counted on the UTC day would pick the wrong duties and shifts. A fresh database per test: the clock moves.
/// </summary>
public sealed class StaffMessagesReminderTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 21, 0, 0, TimeSpan.Zero);
    private TestApp _app = default!;

    public async Task InitializeAsync()
    {
        _app = await TestApp.StartAsync(now: Now);
        await _app.GiveContactAsync(CompletionArrange.Manager, "welfare.manager@qom.example", Languages.English);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    private async Task<int> DutyDueAsync(int inDays, DutyStatus status = DutyStatus.Assigned) =>
        (await WelfareDuties.NewAsync(_app, status, _app.Clock.Today().AddDays(inDays))).Id;

    private async Task<HashSet<string>> TopicsAsync(MessageKind kind) => [.. (await _app.OutboxAsync(kind)).Select(m => m.Topic)];

    [Fact]
    public async Task Managers_are_reminded_of_open_duties_due_within_three_tehran_days_once()
    {
        Assert.Equal(new DateOnly(2026, 12, 2), _app.Clock.Today()); // Tehran's day, not UTC's
        var duties = new Dictionary<int, int>();
        foreach (var days in new[] { 0, 1, 2, 3, 4 }) duties[days] = await DutyDueAsync(days);
        var done = await WelfareDuties.NewAsync(_app, DutyStatus.Accepted, _app.Clock.Today().AddDays(2));
        await _app.SendAsync<DutyState>(await _app.PrincipalOfAsync(CompletionArrange.Manager), new AdvanceDuty(done.Id, DutyStatus.Done, 100, null, done.Version));

        await _app.SendAsSystemAsync<int>(new QueueDutyReminders());

        var reminders = (await _app.OutboxAsync(MessageKind.DutyDueSoon)).Where(m => duties.ContainsValue(ParseDuty(m.Topic)) || ParseDuty(m.Topic) == done.Id).ToList();
        Assert.Equal([duties[1], duties[2], duties[3]], reminders.Select(m => ParseDuty(m.Topic)).Order());
        Assert.All(reminders, m => Assert.Equal("welfare.manager@qom.example", m.Recipient));
        Assert.StartsWith("Due soon: کار آزمایشی", reminders[0].Subject);
        Assert.Contains(JalaliDate.Format(_app.Clock.Today().AddDays(3)), reminders.Single(m => ParseDuty(m.Topic) == duties[3]).Body);

        var count = await _app.OutboxCountAsync();
        Assert.Equal(0, await _app.SendAsSystemAsync<int>(new QueueDutyReminders()));
        Assert.Equal(count, await _app.OutboxCountAsync());
    }

    [Fact]
    public async Task A_duty_that_becomes_overdue_emails_its_managers_once()
    {
        var duty = await DutyDueAsync(1);
        _app.Clock.Advance(TimeSpan.FromDays(2));
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FlagOverdueDutiesJob>().RunAsync(CancellationToken.None);

        var overdue = (await _app.OutboxAsync(MessageKind.DutyOverdue)).Where(m => ParseDuty(m.Topic) == duty).ToList();
        var message = Assert.Single(overdue);
        Assert.Equal(("welfare.manager@qom.example", MessageChannel.Email), (message.Recipient, message.Channel));
        Assert.StartsWith("Overdue: ", message.Subject);

        var count = await _app.OutboxCountAsync();
        await using (var scope = _app.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<FlagOverdueDutiesJob>().RunAsync(CancellationToken.None);
        Assert.Equal(count, await _app.OutboxCountAsync());
    }

    [Fact]
    public async Task Volunteers_booked_on_a_shift_starting_tomorrow_in_tehran_get_one_text_that_fits_two_parts()
    {
        var places = await ShiftScene.PlacesAsync(_app);
        var longTitle = new string('ب', Domain.Shifts.Shift.MaxTitleLength);
        var longPlace = new string('پ', Domain.Shifts.Shift.MaxPlaceLength);
        // 24 h on: 00:30 Tehran the day after tomorrow's start of day (tomorrow); 23 h: 23:30 tonight in Tehran (today); 48 h: the day after.
        var tomorrow = (await ShiftScene.CreateAsync(_app, places.PardisanCentre, places.Pardisan, ShiftScene.Draft(_app, inHours: 24, title: longTitle, place: longPlace))).ShiftId;
        var tonight = (await ShiftScene.CreateAsync(_app, places.PardisanCentre, places.Pardisan, ShiftScene.Draft(_app, inHours: 23, hours: 1))).ShiftId;
        var later = (await ShiftScene.CreateAsync(_app, places.PardisanCentre, places.Pardisan, ShiftScene.Draft(_app, inHours: 48))).ShiftId;
        var (persian, persianPrincipal) = await ShiftScene.VolunteerAsync(_app, places.Pardisan);
        var (english, englishPrincipal) = await ShiftScene.VolunteerAsync(_app, places.Pardisan);
        await ShiftScene.VolunteerAsync(_app, places.Pardisan); // not booked: no text
        await _app.ReadAsync(async db =>
        {
            (await db.Residents.SingleAsync(r => db.Volunteers.Any(v => v.Id == english && v.ResidentId == r.Id))).ChooseLanguage(Languages.English);
            return await db.SaveChangesAsync();
        });
        foreach (var shift in new[] { tomorrow, tonight, later })
        {
            await ShiftScene.SignUpAsync(_app, persianPrincipal, shift);
            await ShiftScene.SignUpAsync(_app, englishPrincipal, shift);
        }

        await _app.SendAsSystemAsync<int>(new QueueShiftReminders());

        // Only the shift of tomorrow, of the three (the demo's own shifts may be reminded too).
        var ours = new[] { tomorrow, tonight, later }.Select(id => $"ShiftReminder:shift:{id}:").ToList();
        var texts = (await _app.OutboxAsync(MessageKind.ShiftReminder)).Where(t => ours.Any(t.Topic.StartsWith)).ToList();
        Assert.All(texts, t => Assert.StartsWith(ours[0], t.Topic));
        var mobiles = await _app.ReadAsync(db => db.Volunteers.Where(v => v.Id == persian || v.Id == english)
            .Select(v => new { v.Id, Mobile = db.Residents.Where(r => r.Id == v.ResidentId).Select(r => r.Mobile).First() }).ToDictionaryAsync(v => v.Id, v => v.Mobile));
        Assert.Equal(new[] { mobiles[english], mobiles[persian] }.Order(), texts.Select(t => t.Recipient).Order());
        Assert.All(texts, t => Assert.True(SmsParts.Count(t.Body) <= SmsParts.MaxParts, $"{SmsParts.Count(t.Body)} parts: {t.Body}"));
        Assert.Contains("ساعت ۰۰:۳۰", texts.Single(t => t.Recipient == mobiles[persian]).Body);
        Assert.StartsWith("Salam reminder: your shift", texts.Single(t => t.Recipient == mobiles[english]).Body);
        Assert.Contains("tomorrow at 00:30", texts.Single(t => t.Recipient == mobiles[english]).Body);

        var count = await _app.OutboxCountAsync();
        Assert.Equal(0, await _app.SendAsSystemAsync<int>(new QueueShiftReminders()));
        Assert.Equal(count, await _app.OutboxCountAsync());
    }

    [Fact]
    public async Task Each_centres_facilitators_get_a_daily_count_of_waiting_registrations_and_none_when_none_wait()
    {
        var places = await ShiftScene.PlacesAsync(_app);
        await _app.GiveContactAsync("facilitator.pardisan", "pardisan@centre.example");
        await _app.GiveContactAsync("facilitator.sari", "sari@centre.example", Languages.English);
        await _app.ReadAsync(async db =>
        {
            for (var i = 0; i < 3; i++)
                db.Residents.Add(Resident.SelfRegistered(i == 2 ? places.Qods : places.Pardisan, $"منتظر {i}", MobileNumber.Parse($"0936100000{i}"),
                    NationalId.Parse(NationalIds.Valid(910_000 + i)), _app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });
        var expected = await _app.ReadAsync(db => db.Residents.CountAsync(r => r.Status == ResidentStatus.Pending
            && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.CentreId == places.PardisanCentre)));
        var sariWaiting = await _app.ReadAsync(db => db.Residents.CountAsync(r => r.Status == ResidentStatus.Pending
            && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.CentreId == places.SariCentre)));
        Assert.Equal(0, sariWaiting);

        await _app.SendAsSystemAsync<int>(new QueuePendingResidentsDigest());

        var digest = Assert.Single(await _app.OutboxAsync(MessageKind.PendingResidentsDigest));
        Assert.Equal(("pardisan@centre.example", $"PendingResidentsDigest:centre:{places.PardisanCentre}:day:1405-09-11"), (digest.Recipient, digest.Topic));
        Assert.StartsWith(Digits.ToPersian(expected.ToString(System.Globalization.CultureInfo.InvariantCulture)) + " ثبت‌نام", digest.Subject);

        Assert.Equal(0, await _app.SendAsSystemAsync<int>(new QueuePendingResidentsDigest()));
        _app.Clock.Advance(TimeSpan.FromDays(1));
        Assert.Equal(1, await _app.SendAsSystemAsync<int>(new QueuePendingResidentsDigest()));
    }

    [Fact]
    public async Task The_daily_job_queues_every_other_kind_when_one_of_them_fails_and_then_reports_the_failure()
    {
        await _app.DisposeAsync();
        var outage = new ManagersOutage();
        _app = await TestApp.StartAsync(now: Now, configure: services => services.Decorate(outage));
        await _app.GiveContactAsync(CompletionArrange.Manager, "welfare.manager@qom.example", Languages.English);
        await _app.GiveContactAsync("facilitator.pardisan", "pardisan@centre.example");
        var places = await ShiftScene.PlacesAsync(_app);
        await DutyDueAsync(2);
        var shift = (await ShiftScene.CreateAsync(_app, places.PardisanCentre, places.Pardisan, ShiftScene.Draft(_app, inHours: 24))).ShiftId;
        var (_, volunteer) = await ShiftScene.VolunteerAsync(_app, places.Pardisan);
        await ShiftScene.SignUpAsync(_app, volunteer, shift);
        await _app.ReadAsync(async db =>
        {
            db.Residents.Add(Resident.SelfRegistered(places.Pardisan, "منتظر", MobileNumber.Parse("09361000009"), NationalId.Parse(NationalIds.Valid(920_001)), _app.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        outage.Down = true;
        await using (var scope = _app.Services.CreateAsyncScope())
            await Assert.ThrowsAsync<AggregateException>(() => scope.ServiceProvider.GetRequiredService<NotificationRemindersJob>().RunAsync(CancellationToken.None));

        Assert.Empty(await _app.OutboxAsync(MessageKind.DutyDueSoon)); // the managers' directory failed
        Assert.Single(await _app.OutboxAsync(MessageKind.ShiftReminder), t => t.Topic.StartsWith($"ShiftReminder:shift:{shift}:", StringComparison.Ordinal));
        Assert.Single(await _app.OutboxAsync(MessageKind.PendingResidentsDigest));
    }

    private static int ParseDuty(string topic) => int.Parse(topic.Split(':')[2], System.Globalization.CultureInfo.InvariantCulture);
}

/// <summary>A directory that cannot find agency managers (their table "is down"), to show one reminder failing leaves the others.</summary>
internal sealed class ManagersOutage
{
    public bool Down { get; set; }
}

internal sealed class ManagersDown(IUserDirectory inner, ManagersOutage outage) : IUserDirectory
{
    public Task<IReadOnlyDictionary<int, string>> NamesAsync(IReadOnlyCollection<int> userIds, CancellationToken cancellationToken) => inner.NamesAsync(userIds, cancellationToken);
    public Task<StaffAccount?> FindAsync(int userId, CancellationToken cancellationToken) => inner.FindAsync(userId, cancellationToken);
    public Task<IReadOnlyList<StaffAccount>> FacilitatorsAsync(int? provinceId, CancellationToken cancellationToken) => inner.FacilitatorsAsync(provinceId, cancellationToken);
    public Task AssignCentreAsync(int userId, int? centreId, int? provinceId, CancellationToken cancellationToken) => inner.AssignCentreAsync(userId, centreId, provinceId, cancellationToken);

    public Task<IReadOnlyList<StaffRecipient>> RecipientsAsync(StaffAudience audience, CancellationToken cancellationToken) =>
        audience.Role == Role.AgencyManager && outage.Down ? throw new InvalidOperationException("managers are unreachable") : inner.RecipientsAsync(audience, cancellationToken);
}

internal static class ManagersDownRegistration
{
    public static void Decorate(this IServiceCollection services, ManagersOutage outage) =>
        services.AddScoped<IUserDirectory>(sp => new ManagersDown(ActivatorUtilities.CreateInstance<Infrastructure.Identity.UserDirectory>(sp), outage));
}
