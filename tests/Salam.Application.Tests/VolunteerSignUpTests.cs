using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Volunteers.Commands.ReviseVolunteerOffer;
using Salam.Application.Volunteers.Commands.SignUpAsVolunteer;
using Salam.Application.Volunteers.Commands.WithdrawAsVolunteer;
using Salam.Application.Volunteers.Queries;
using Salam.Domain.People;

namespace Salam.Application.Tests;

/// <summary>Residents sign up, edit and withdraw; every refusal writes nothing. Mobiles 0912000000{1,3,4,6,7} are residents of Pardisan with no sign-up yet.</summary>
public sealed class VolunteerSignUpTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private static readonly SignUpAsVolunteer Nurse = new(VolunteerSkill.Nursing | VolunteerSkill.ElderlyCare, 6, Weekdays.Saturday | Weekdays.Monday, "عصرها");

    private Task<(int Volunteers, int Changes)> WrittenAsync() =>
        App.ReadAsync(async db => (await db.Volunteers.CountAsync(), await db.VolunteerStatusChanges.CountAsync()));

    [Fact]
    public async Task A_resident_signs_up_in_their_own_neighbourhood_and_sees_their_offer()
    {
        var resident = await App.ResidentPrincipalAsync("09120000001");

        var id = await App.SendAsync<int>(resident, Nurse);

        var stored = await App.ReadAsync(db => db.Volunteers.Include(v => v.StatusChanges).AsNoTracking().SingleAsync(v => v.Id == id));
        var home = await App.ReadAsync(db => db.Residents.Where(r => r.Mobile == "09120000001").Select(r => r.NeighbourhoodId).SingleAsync());
        Assert.Equal(home, stored.NeighbourhoodId);
        Assert.Equal(VolunteerStatus.Registered, Assert.Single(stored.StatusChanges).To);
        var mine = await App.SendAsync<MyVolunteering>(resident, new GetMyVolunteering());
        Assert.Equal((Nurse.Skills, 6, Nurse.Days, "عصرها"), (mine.Offer!.Skills, mine.Offer.HoursPerWeek, mine.Offer.Days, mine.Offer.Note));
    }

    [Theory]
    [InlineData("fa-IR", 0, "ساعت در هفته باید بین ۱ و ۸۰ باشد.")]
    [InlineData("en-US", 81, "Hours per week must be between 1 and 80.")]
    public async Task Hours_outside_one_to_eighty_are_refused_with_a_translated_message_and_nothing_is_written(string culture, int hours, string message)
    {
        var resident = await App.ResidentPrincipalAsync("09120000004");
        var before = await WrittenAsync();
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() => App.SendAsync<int>(resident, Nurse with { HoursPerWeek = hours }));

        Assert.Equal(message, Assert.Single(refused.Errors[nameof(SignUpAsVolunteer.HoursPerWeek)]));
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task An_unknown_skill_and_no_days_are_refused_together_and_nothing_is_written()
    {
        var resident = await App.ResidentPrincipalAsync("09120000004");
        var before = await WrittenAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("fa-IR");

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync<int>(resident, Nurse with { Skills = VolunteerSkill.Law | (VolunteerSkill)(1 << 22), Days = Weekdays.None }));

        Assert.Equal([nameof(SignUpAsVolunteer.Days), nameof(SignUpAsVolunteer.Skills)], refused.Errors.Keys.Order());
        Assert.Contains("این مهارت در فهرست مهارت‌ها نیست.", refused.Errors[nameof(SignUpAsVolunteer.Skills)]);
        Assert.Equal(before, await WrittenAsync());
    }

    [Fact]
    public async Task A_second_sign_up_is_refused_as_a_duplicate_and_nothing_is_written()
    {
        var resident = await App.ResidentPrincipalAsync("09120000003");
        await App.SendAsync<int>(resident, Nurse);
        var before = await WrittenAsync();
        CultureInfo.CurrentUICulture = new CultureInfo("en-US");

        var refused = await Assert.ThrowsAsync<RequestRefusedException>(() => App.SendAsync<int>(resident, Nurse with { HoursPerWeek = 20 }));

        Assert.Contains("already signed up", refused.Message);
        Assert.Equal(before, await WrittenAsync());
        Assert.Equal(6, await App.ReadAsync(db => db.Volunteers.Where(v => v.Resident!.Mobile == "09120000003").Select(v => v.HoursPerWeek).SingleAsync()));
    }

    [Fact]
    public async Task A_volunteer_edits_withdraws_and_signs_up_again_and_each_step_is_in_the_history()
    {
        var resident = await App.ResidentPrincipalAsync("09120000006");
        var id = await App.SendAsync<int>(resident, Nurse);

        await App.SendAsync<Mediator.Unit>(resident, new ReviseVolunteerOffer(VolunteerSkill.Teaching, 12, Weekdays.Friday, null));
        await App.SendAsync<Mediator.Unit>(resident, new WithdrawAsVolunteer());
        var withdrawn = await App.SendAsync<MyVolunteering>(resident, new GetMyVolunteering());
        Assert.True(withdrawn.Offer!.Withdrawn);
        Assert.Equal((VolunteerSkill.Teaching, 12, VolunteerStatus.Inactive), (withdrawn.Offer.Skills, withdrawn.Offer.HoursPerWeek, withdrawn.Offer.Status));

        Assert.Equal(id, await App.SendAsync<int>(resident, Nurse));
        var history = await App.ReadAsync(db => db.VolunteerStatusChanges.Where(c => c.VolunteerId == id).OrderBy(c => c.Id).Select(c => c.To).ToListAsync());
        Assert.Equal([VolunteerStatus.Registered, VolunteerStatus.Inactive, VolunteerStatus.Registered], history);
    }

    [Fact]
    public async Task Editing_or_withdrawing_without_a_sign_up_is_refused()
    {
        var resident = await App.ResidentPrincipalAsync("09120000007");
        var before = await WrittenAsync();

        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<Mediator.Unit>(resident, new ReviseVolunteerOffer(VolunteerSkill.Law, 2, Weekdays.Friday, null)));
        await Assert.ThrowsAsync<NotFoundException>(() => App.SendAsync<Mediator.Unit>(resident, new WithdrawAsVolunteer()));
        Assert.Equal(before, await WrittenAsync());
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("officer.qom")]
    [InlineData("admin")]
    public async Task Staff_cannot_sign_up_as_a_resident(string userName)
    {
        var before = await WrittenAsync();
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<int>(await App.PrincipalOfAsync(userName), Nurse));
        Assert.Equal(before, await WrittenAsync());
    }

}
