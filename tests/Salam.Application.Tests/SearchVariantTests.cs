using Microsoft.EntityFrameworkCore;
using Salam.Application.Audit.Queries.SearchAuditLog;
using Salam.Application.Common.Time;
using Salam.Application.Duties.Commands.AssignDuty;
using Salam.Application.Duties.Queries.GetAgencyDuties;
using Salam.Application.Geography.Queries.GetPlaces;
using Salam.Application.Residents.Queries;
using Salam.Application.Staff.Queries.GetStaffAccounts;
using Salam.Application.Geography.Common;

namespace Salam.Application.Tests;

/// <summary>
/// Searches find what people meant, whichever keyboard they typed on: Arabic «ي»/«ك» for Persian «ی»/«ک», Persian or
/// Arabic-Indic digits for Latin ones, a space for the zero-width non-joiner; folded on both sides, in SQL, on SQLite.
/// </summary>
public sealed class SearchVariantTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    /// <summary>The way an Arabic keyboard writes the same Persian text.</summary>
    private static string Arabic(string persian) => persian.Replace('ی', 'ي').Replace('ک', 'ك');

    [Theory]
    [InlineData("کتابخانه")]      // stored with Arabic «ك»
    [InlineData("كتابخانه")]
    [InlineData("کتابخانه ی محله")] // stored with a zero-width non-joiner
    [InlineData("محله 3")]          // stored with a Persian «۳»
    [InlineData("محله ٣")]
    [InlineData("محله ۳")]
    [InlineData("KETAB")]           // English, another case
    public async Task The_agency_desk_finds_a_duty_whatever_keyboard_typed_the_search(string search)
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var (place, welfare) = await App.ReadAsync(async db => (
            await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync(),
            await db.Agencies.Where(a => a.NameEn == WelfareDuties.Agency).Select(a => a.Id).SingleAsync()));
        const string title = "كتابخانه\u200Cی محله ۳ (Ketab)";
        if (!await App.ReadAsync(db => db.Duties.AnyAsync(d => d.Title == title)))
            await App.SendAsync<int>(facilitator, new AssignDuty(place, welfare, null, title, "", App.Clock.Today().AddDays(10)));

        var desk = await App.SendAsync<AgencyDesk>(await App.PrincipalOfAsync("agency.qom.welfare"), new GetAgencyDuties(Search: search));

        Assert.Equal([title], desk.Duties.Select(d => d.Title));
    }

    [Fact]
    public async Task The_residents_list_finds_a_name_typed_with_Arabic_letters_and_a_mobile_typed_in_Persian_digits()
    {
        var facilitator = await App.PrincipalOfAsync("facilitator.pardisan");
        var pardisan = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync());
        var resident = await App.ReadAsync(db => db.Residents.Where(r => r.NeighbourhoodId == pardisan && r.FullName.Contains("ی"))
            .OrderBy(r => r.Id).Select(r => new { r.Id, r.FullName, r.Mobile }).FirstAsync());

        var byName = await App.SendAsync<ResidentPage>(facilitator, new GetResidents(Arabic(resident.FullName), 0, 100));
        var byMobile = await App.SendAsync<ResidentPage>(facilitator, new GetResidents(Domain.Common.Digits.ToPersian(resident.Mobile), 0, 100));

        Assert.Contains(resident.Id, byName.Rows.Select(r => r.Id));
        Assert.Equal([resident.Id], byMobile.Rows.Select(r => r.Id));
    }

    [Fact]
    public async Task Places_staff_and_the_audit_log_find_names_typed_with_Arabic_letters()
    {
        var admin = await App.PrincipalOfAsync("admin");
        var province = await App.ReadAsync(db => db.Provinces.Where(p => p.NameFa.Contains("ی") || p.NameFa.Contains("ک")).OrderBy(p => p.Id).Select(p => new { p.Id, p.NameFa }).FirstAsync());
        var places = await App.SendAsync<PlacePage>(admin, new GetPlaces(PlaceLevel.Province, null, Arabic(province.NameFa)));
        Assert.Equal([province.Id], places.Items.Select(p => p.Id));

        var staff = await App.ReadAsync(db => db.Users.Where(u => u.UserName == "facilitator.pardisan").Select(u => u.FullName).SingleAsync());
        Assert.True(staff.Contains('ی') || staff.Contains('ک'), $"the demo name «{staff}» has no letter to vary");
        var accounts = await App.SendAsync<StaffAccountList>(admin, new GetStaffAccounts(Search: Arabic(staff)));
        Assert.Equal(["facilitator.pardisan"], accounts.Accounts.Select(a => a.UserName));

        var actor = await App.ReadAsync(db => db.AuditEvents.Where(e => e.Actor.Contains("ی") || e.Actor.Contains("ک")).Select(e => e.Actor).FirstOrDefaultAsync());
        if (actor is not null)
        {
            var log = await App.SendAsync<AuditPage>(admin, new SearchAuditLog(Actor: Arabic(actor)));
            Assert.NotEmpty(log.Entries);
            Assert.All(log.Entries, e => Assert.Equal(actor, e.Actor));
        }
    }
}
