using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Tests.Completions;
using Salam.Application.Tests.Shifts;
using Salam.Application.Volunteers.Commands.PlaceVolunteer;
using Salam.Domain.Duties;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>The welfare directorate of Qom with four managers: one English, one Persian, one disabled, one with no address.</summary>
public sealed class StaffMessagesFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = default!;
    public int WelfareId { get; private set; }
    public int EnglishManager { get; private set; }
    public int PersianManager { get; private set; }
    public int DisabledManager { get; private set; }
    public int SilentManager { get; private set; }

    public async Task InitializeAsync()
    {
        App = await TestApp.StartAsync();
        WelfareId = await App.AgencyAsync(WelfareDuties.Agency);
        await App.GiveContactAsync(CompletionArrange.Manager, "welfare.manager@qom.example", Languages.English);
        EnglishManager = await App.UserIdAsync(CompletionArrange.Manager);
        PersianManager = await App.NewManagerAsync(WelfareId, "deputy@qom.example");
        DisabledManager = await App.NewManagerAsync(WelfareId, "former@qom.example", disabled: true);
        SilentManager = await App.NewManagerAsync(WelfareId, null);
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}

/// <summary>Agency managers' e-mails and volunteers' texts queued with the change that causes them, in each reader's language.</summary>
public sealed class StaffMessagesTests(StaffMessagesFixture fixture) : IClassFixture<StaffMessagesFixture>
{
    private TestApp App => fixture.App;

    /// <summary>Exactly the two enabled managers with an address: the English one in English, the deputy in Persian.</summary>
    private void AssertToTheTwoManagers(IReadOnlyList<Queued> messages, MessageKind kind, string englishSubject, string persianSubject)
    {
        Assert.Equal([fixture.EnglishManager, fixture.PersianManager], messages.Select(m => m.UserId!.Value).Order());
        Assert.All(messages, m => Assert.Equal((kind, MessageChannel.Email, MessageStatus.Pending), (m.Kind, m.Channel, m.Status)));
        var english = messages.Single(m => m.UserId == fixture.EnglishManager);
        var persian = messages.Single(m => m.UserId == fixture.PersianManager);
        Assert.Equal("welfare.manager@qom.example", english.Recipient);
        Assert.Equal("deputy@qom.example", persian.Recipient);
        Assert.StartsWith(englishSubject, english.Subject);
        Assert.StartsWith(persianSubject, persian.Subject);
    }

    [Fact]
    public async Task Assigning_a_duty_emails_its_agencys_enabled_managers_with_an_address_each_in_their_language()
    {
        var place = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var due = App.Clock.Today().AddDays(20);
        var id = await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"), new AssignDuty(place, fixture.WelfareId, null, "ترمیم پیاده‌روی کوچهٔ یاس", "", due));

        var version = await App.ReadAsync(db => db.Duties.Where(d => d.Id == id).Select(d => d.Version).SingleAsync());
        var messages = (await App.OutboxAsync(MessageKind.DutyAssigned)).Where(m => m.Topic == $"DutyAssigned:duty:new:{version:N}").ToList();
        AssertToTheTwoManagers(messages, MessageKind.DutyAssigned, "New duty: ترمیم پیاده‌روی کوچهٔ یاس", "وظیفهٔ تازه: ترمیم پیاده‌روی کوچهٔ یاس");
        var english = messages.Single(m => m.UserId == fixture.EnglishManager).Body;
        Assert.Contains(WelfareDuties.Agency, english);
        Assert.Contains("Pardisan", english);
        Assert.Contains(Domain.Common.JalaliDate.Format(due), english);
        var persian = messages.Single(m => m.UserId == fixture.PersianManager).Body;
        Assert.Contains("پردیسان", persian);
        Assert.Contains(Domain.Common.Digits.ToPersian(Domain.Common.JalaliDate.Format(due)), persian);
        Assert.DoesNotContain(messages, m => m.UserId == fixture.DisabledManager || m.UserId == fixture.SilentManager);
    }

    [Fact]
    public async Task A_refused_assignment_queues_no_email()
    {
        var place = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var before = await App.OutboxCountAsync();

        await Assert.ThrowsAsync<ValidationFailedException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"),
            new AssignDuty(place, fixture.WelfareId, null, "دیروز", "", App.Clock.Today().AddDays(-1))));
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.sari"),
            new AssignDuty(place, fixture.WelfareId, null, "بیرون از حوزه", "", App.Clock.Today().AddDays(5))));

        Assert.Equal(before, await App.OutboxCountAsync());
    }

    [Fact]
    public async Task The_answer_that_disputes_a_done_duty_emails_the_managers_once_and_earlier_or_refused_answers_none()
    {
        var duty = await App.DoneDutyAsync();
        var residents = await App.ResidentsOfAsync(duty.NeighbourhoodId, CompletionCheck.DisputeThreshold);
        var topic = $"DutyDisputed:duty:{duty.Id}:completion:{duty.CompletionRound}";

        for (var i = 0; i < residents.Length - 1; i++) Assert.False((await App.AnswerAsync(residents[i], duty.Id, CompletionAnswer.No)).Disputed);
        Assert.DoesNotContain(await App.OutboxAsync(MessageKind.DutyDisputed), m => m.Topic == topic);
        var before = await App.OutboxCountAsync();
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.AnswerAsync(residents[0], duty.Id, CompletionAnswer.No));
        Assert.Equal(before, await App.OutboxCountAsync());

        Assert.True((await App.AnswerAsync(residents[^1], duty.Id, CompletionAnswer.No)).Disputed);

        var messages = (await App.OutboxAsync(MessageKind.DutyDisputed)).Where(m => m.Topic == topic).ToList();
        AssertToTheTwoManagers(messages, MessageKind.DutyDisputed, "Disputed by residents: ", "اعتراض ساکنان: ");
    }

    [Fact]
    public async Task A_placed_volunteer_gets_one_text_in_their_language_that_fits_two_parts_and_a_refused_placement_none()
    {
        var places = await ShiftScene.PlacesAsync(App);
        var longTitle = string.Concat(Enumerable.Repeat("بازسازی کامل سرای محله و حیاط آن ", 10))[..Duty.MaxTitleLength];
        var duty = await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"),
            new AssignDuty(places.Pardisan, fixture.WelfareId, null, longTitle, "", App.Clock.Today().AddDays(30)));
        var (persian, _) = await ShiftScene.VolunteerAsync(App, places.Pardisan, VolunteerStatus.Contacted);
        var (english, _) = await ShiftScene.VolunteerAsync(App, places.Pardisan, VolunteerStatus.Contacted);
        await App.ReadAsync(async db =>
        {
            var resident = await db.Residents.SingleAsync(r => db.Volunteers.Any(v => v.Id == english && v.ResidentId == r.Id));
            resident.ChooseLanguage(Languages.English);
            return await db.SaveChangesAsync();
        });
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");

        await App.SendAsync<int>(facilitator, new PlaceVolunteer(persian, duty, null));
        await App.SendAsync<int>(facilitator, new PlaceVolunteer(english, duty, null));

        var texts = (await App.OutboxAsync(MessageKind.VolunteerPlaced)).Where(m => m.Topic.EndsWith($":duty:{duty}", StringComparison.Ordinal)).ToList();
        var mobiles = await App.ReadAsync(db => db.Volunteers.Where(v => v.Id == persian || v.Id == english)
            .Select(v => new { v.Id, Mobile = db.Residents.Where(r => r.Id == v.ResidentId).Select(r => r.Mobile).First() }).ToDictionaryAsync(v => v.Id, v => v.Mobile));
        Assert.Equal(2, texts.Count);
        Assert.All(texts, t => Assert.Equal(MessageChannel.Sms, t.Channel));
        Assert.All(texts, t => Assert.True(SmsParts.Count(t.Body) <= SmsParts.MaxParts, $"{SmsParts.Count(t.Body)} parts: {t.Body}"));
        var toPersian = texts.Single(t => t.Recipient == mobiles[persian]);
        var toEnglish = texts.Single(t => t.Recipient == mobiles[english]);
        Assert.StartsWith("سلام محله: برای «بازسازی کامل", toPersian.Body);
        Assert.Contains("…» انتخاب شدید", toPersian.Body);
        Assert.EndsWith("لغو: سلام محله، مشخصات من، پیامک‌ها", toPersian.Body);
        Assert.StartsWith("Salam: you were placed on \"بازسازی", toEnglish.Body);
        Assert.EndsWith("Stop: Salam > My details > Messages", toEnglish.Body);

        var (registered, _) = await ShiftScene.VolunteerAsync(App, places.Pardisan, VolunteerStatus.Registered);
        var before = await App.OutboxCountAsync();
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(persian, duty, null)));
        await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(facilitator, new PlaceVolunteer(registered, duty, null)));
        Assert.Equal(before, await App.OutboxCountAsync());
    }

    [Fact]
    public async Task A_volunteer_who_turned_placements_off_gets_no_text()
    {
        var places = await ShiftScene.PlacesAsync(App);
        var duty = await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"),
            new AssignDuty(places.Pardisan, fixture.WelfareId, null, "کار بی‌پیام", "", App.Clock.Today().AddDays(30)));
        var (volunteer, _) = await ShiftScene.VolunteerAsync(App, places.Pardisan, VolunteerStatus.Contacted);
        await App.ReadAsync(async db =>
        {
            var residentId = await db.Volunteers.Where(v => v.Id == volunteer).Select(v => v.ResidentId).SingleAsync();
            db.MessageOptOuts.Add(new MessageOptOut(residentId, MessageKind.VolunteerPlaced, App.Clock.GetUtcNow()));
            return await db.SaveChangesAsync();
        });

        await App.SendAsync<int>(await App.PrincipalOfAsync("facilitator.pardisan"), new PlaceVolunteer(volunteer, duty, null));

        Assert.DoesNotContain(await App.OutboxAsync(MessageKind.VolunteerPlaced), m => m.Topic == $"VolunteerPlaced:volunteer:{volunteer}:duty:{duty}");
    }
}
