using Mediator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Exceptions;
using Salam.Application.Common.Interfaces;
using Salam.Application.Common.Localization;
using Salam.Application.Notifications.Commands.ChooseMyLanguage;
using Salam.Application.Notifications.Commands.SetMessageOptOut;
using Salam.Application.Notifications.Common;
using Salam.Application.Notifications.Queries.GetMyMessagePreferences;
using Salam.Domain.Notifications;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.Application.Tests.Notifications;

/// <summary>A resident turns kinds of messages off and on and chooses their language, for themselves only.</summary>
public sealed class MessagePreferencesTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private TestApp App => fixture.App;

    private Task<string> ChoicesFingerprintAsync() => App.ReadAsync(async db => string.Join('|',
        string.Join(',', await db.MessageOptOuts.OrderBy(o => o.Id).Select(o => $"{o.ResidentId}:{o.Kind}").ToListAsync()),
        string.Join(',', await db.Residents.Where(r => r.Language != Languages.Persian).OrderBy(r => r.Id).Select(r => $"{r.Id}:{r.Language}").ToListAsync())));

    [Fact]
    public async Task A_resident_sees_every_choosable_kind_on_and_in_Persian_at_first()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);

        var mine = await App.SendAsync<MyMessagePreferences>(me.Principal, new GetMyMessagePreferences());

        Assert.Equal(Languages.Persian, mine.Language);
        Assert.Equal(MessageKinds.ResidentChoosable, mine.Kinds.Select(k => k.Kind));
        Assert.All(mine.Kinds, k => Assert.True(k.On));
    }

    [Fact]
    public async Task A_resident_turns_a_kind_off_and_on_again_and_saying_it_twice_changes_nothing()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);

        await App.SendAsync<Unit>(me.Principal, new SetMessageOptOut(MessageKind.RoundOpened, Off: true));
        await App.SendAsync<Unit>(me.Principal, new SetMessageOptOut(MessageKind.RoundOpened, Off: true));
        var off = await App.SendAsync<MyMessagePreferences>(me.Principal, new GetMyMessagePreferences());
        Assert.False(off.Kinds.Single(k => k.Kind == MessageKind.RoundOpened).On);
        Assert.All(off.Kinds.Where(k => k.Kind != MessageKind.RoundOpened), k => Assert.True(k.On));
        Assert.Equal(1, await App.ReadAsync(db => db.MessageOptOuts.CountAsync(o => o.ResidentId == me.Id)));

        await App.SendAsync<Unit>(me.Principal, new SetMessageOptOut(MessageKind.RoundOpened, Off: false));
        await App.SendAsync<Unit>(me.Principal, new SetMessageOptOut(MessageKind.RoundOpened, Off: false));
        Assert.All((await App.SendAsync<MyMessagePreferences>(me.Principal, new GetMyMessagePreferences())).Kinds, k => Assert.True(k.On));
        Assert.Equal(0, await App.ReadAsync(db => db.MessageOptOuts.CountAsync(o => o.ResidentId == me.Id)));
    }

    [Fact]
    public async Task A_residents_choice_is_theirs_alone()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);
        var neighbour = await App.PendingResidentAsync(pardisan);

        await App.SendAsync<Unit>(me.Principal, new SetMessageOptOut(MessageKind.ResultsPublished, Off: true));
        await App.SendAsync<Unit>(me.Principal, new ChooseMyLanguage(Languages.English));

        var theirs = await App.SendAsync<MyMessagePreferences>(neighbour.Principal, new GetMyMessagePreferences());
        Assert.Equal(Languages.Persian, theirs.Language);
        Assert.All(theirs.Kinds, k => Assert.True(k.On));
        Assert.Equal(Languages.English, (await App.SendAsync<MyMessagePreferences>(me.Principal, new GetMyMessagePreferences())).Language);
    }

    [Theory]
    [InlineData(MessageKind.SignInCode)]
    [InlineData(MessageKind.DutyAssigned)]
    [InlineData(MessageKind.PendingResidentsDigest)]
    [InlineData((MessageKind)99)]
    public async Task A_kind_a_resident_cannot_turn_off_is_refused_clearly_and_nothing_is_written(MessageKind kind)
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);
        var before = await ChoicesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(me.Principal, new SetMessageOptOut(kind, Off: true)));

        Assert.Equal([Text.Get("Messages.KindNotChoosable")], refused.Errors["Kind"]);
        Assert.Equal(before, await ChoicesFingerprintAsync());
    }

    [Theory]
    [InlineData("de")]
    [InlineData("FA")]
    [InlineData("")]
    [InlineData("<script>alert(1)</script>")]
    public async Task A_language_other_than_Persian_or_English_is_refused_clearly_and_nothing_is_written(string language)
    {
        var (pardisan, _) = await App.PardisanAsync();
        var me = await App.PendingResidentAsync(pardisan);
        var before = await ChoicesFingerprintAsync();

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<Unit>(me.Principal, new ChooseMyLanguage(language)));

        Assert.Equal([Text.Get("Messages.LanguageInvalid")], refused.Errors["Language"]);
        Assert.Equal(before, await ChoicesFingerprintAsync());
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("officer.qom")]
    [InlineData("ministry")]
    [InlineData("admin")]
    public async Task Staff_have_no_message_choices_of_a_resident_and_write_nothing(string userName)
    {
        var staff = await App.PrincipalOfAsync(userName);
        var before = await ChoicesFingerprintAsync();

        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<MyMessagePreferences>(staff, new GetMyMessagePreferences()));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Unit>(staff, new SetMessageOptOut(MessageKind.RoundOpened, Off: true)));
        await Assert.ThrowsAsync<ForbiddenException>(() => App.SendAsync<Unit>(staff, new ChooseMyLanguage(Languages.English)));

        Assert.Equal(before, await ChoicesFingerprintAsync());
    }

    [Fact]
    public async Task A_kind_turned_off_is_not_queued_for_the_resident_and_their_language_writes_the_text()
    {
        var (pardisan, _) = await App.PardisanAsync();
        var off = await App.PendingResidentAsync(pardisan);
        var english = await App.PendingResidentAsync(pardisan);
        await App.ReadAsync(async db =>
        {
            var by = await db.Users.Where(u => u.UserName == "facilitator.pardisan").Select(u => u.Id).SingleAsync();
            foreach (var r in await db.Residents.Where(r => r.Id == off.Id || r.Id == english.Id).ToListAsync()) r.Confirm(by, App.Clock.GetUtcNow());
            return await db.SaveChangesAsync();
        });
        await App.SendAsync<Unit>(off.Principal, new SetMessageOptOut(MessageKind.RoundOpened, Off: true));
        await App.SendAsync<Unit>(english.Principal, new ChooseMyLanguage(Languages.English));

        await using (var scope = App.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ISalamDbContext>();
            await db.QueueSmsToResidentsAsync(db.Residents.Where(r => r.Id == off.Id || r.Id == english.Id), MessageKind.RoundOpened, "round:choice-test",
                language => MessageText.Render(language, "MessageKind.RoundOpened"), App.Clock.GetUtcNow(), null, CancellationToken.None);
            await db.SaveChangesAsync(CancellationToken.None);
        }

        var queued = await App.ReadAsync(db => db.OutboxMessages.Where(m => m.Topic == "RoundOpened:round:choice-test").Select(m => new { m.ResidentId, m.Body }).ToListAsync());
        var only = Assert.Single(queued);
        Assert.Equal(english.Id, only.ResidentId);
        Assert.StartsWith(MessageText.Render(Languages.English, "MessageKind.RoundOpened"), only.Body);
    }
}
