using Salam.Application.Audit.Queries.SearchAuditLog;
using Salam.Application.Centres.Commands.CreateCentre;
using Salam.Application.Common.Exceptions;
using Salam.Domain.Common;
using Salam.Domain.Geography;
using Salam.Testing;

namespace Salam.Application.Tests;

/// <summary>Administrators search the whole audit log by user, kind and day; a provincial officer reads only their own province's entries.</summary>
public sealed class AuditLogSearchTests(AuditLogSearchTests.Country country) : IClassFixture<AuditLogSearchTests.Country>
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 21, 0, 0, TimeSpan.Zero); // 00:30 on 11 Azar 1405 in Tehran, still 1 Dec in UTC

    private TestApp App => country.App;

    /// <summary>The demo country where each province's officer has opened a centre: one entry in Qom's log, one in Mazandaran's.</summary>
    public sealed class Country : IAsyncLifetime
    {
        public TestApp App { get; private set; } = default!;
        public int QomCentre { get; private set; }
        public int MazandaranCentre { get; private set; }

        public async Task InitializeAsync()
        {
            App = await TestApp.StartAsync(now: Now);
            QomCentre = await App.SendAsync<int>(await App.PrincipalOfAsync("officer.qom"),
                new CreateCentre(await App.ProvinceAsync("Qom"), "مرکز =HYPERLINK(\"x\")", "Audit Qom Centre", "", CentreKind.CommunityCentre, []));
            MazandaranCentre = await App.SendAsync<int>(await App.PrincipalOfAsync("officer.mazandaran"),
                new CreateCentre(await App.ProvinceAsync("Mazandaran"), "مرکز آزمون مازندران", "Audit Mazandaran Centre", "", CentreKind.CommunityCentre, []));
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    private async Task<AuditPage> SearchAsync(string userName, SearchAuditLog query) => await App.SendAsync<AuditPage>(await App.PrincipalOfAsync(userName), query);

    [Fact]
    public async Task The_administrator_sees_both_provinces_changes_newest_first()
    {
        var page = await SearchAsync("admin", new SearchAuditLog(Kind: "Centre"));

        var subjects = page.Entries.Select(e => e.SubjectId).ToList();
        Assert.Equal([country.MazandaranCentre, country.QomCentre], subjects.Take(2));
        Assert.True(page.Entries.Zip(page.Entries.Skip(1)).All(pair => pair.First.Id > pair.Second.Id));
    }

    [Fact]
    public async Task A_provincial_officer_reads_only_their_own_provinces_entries()
    {
        var qom = await App.ProvinceAsync("Qom");

        var page = await SearchAsync("officer.qom", new SearchAuditLog(Kind: "Centre"));

        Assert.Contains(page.Entries, e => e.SubjectId == country.QomCentre);
        Assert.DoesNotContain(page.Entries, e => e.SubjectId == country.MazandaranCentre);
        Assert.Equal(page.Total, page.Entries.Count(e => e.ProvinceId == qom));
    }

    [Fact]
    public async Task Filtering_by_user_finds_the_entries_of_that_user_by_name_or_account_id()
    {
        var officer = await App.AccountAsync("officer.mazandaran");

        var byId = await SearchAsync("admin", new SearchAuditLog(Actor: Digits.ToPersian(officer.Id.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        var byName = await SearchAsync("admin", new SearchAuditLog(Actor: officer.FullName[..8]));

        Assert.Equal([country.MazandaranCentre], byId.Entries.Where(e => e.Kind == "Centre").Select(e => e.SubjectId));
        Assert.Equal(byId.Total, byId.Entries.Count(e => e.ActorUserId == officer.Id));
        Assert.Contains(byName.Entries, e => e.SubjectId == country.MazandaranCentre && e.Kind == "Centre");
    }

    [Fact]
    public async Task Days_are_Tehran_days_so_a_change_just_after_midnight_in_Tehran_belongs_to_the_new_day()
    {
        var tehranToday = ProgrammeCalendar.DayOf(Now); // 2 Dec: UTC still says 1 Dec

        var today = await SearchAsync("admin", new SearchAuditLog(Kind: "Centre", From: tehranToday, To: tehranToday));
        var utcDay = await SearchAsync("admin", new SearchAuditLog(Kind: "Centre", From: tehranToday.AddDays(-1), To: tehranToday.AddDays(-1)));
        var fromTomorrow = await SearchAsync("admin", new SearchAuditLog(Kind: "Centre", From: tehranToday.AddDays(1)));

        Assert.Equal(new DateOnly(2026, 12, 2), tehranToday);
        Assert.Contains(today.Entries, e => e.SubjectId == country.QomCentre);
        Assert.DoesNotContain(utcDay.Entries, e => e.SubjectId == country.QomCentre);
        Assert.Equal(0, fromTomorrow.Total);
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("agency.qom.welfare")]
    [InlineData("ministry")]
    public async Task Other_staff_cannot_read_the_audit_log(string userName) =>
        await Assert.ThrowsAsync<ForbiddenException>(() => SearchAsync(userName, new SearchAuditLog()));

    [Fact]
    public async Task A_resident_cannot_read_the_audit_log() =>
        await Assert.ThrowsAsync<ForbiddenException>(async () => await App.SendAsync<AuditPage>(await App.ResidentPrincipalAsync("09120000001"), new SearchAuditLog()));

    [Fact]
    public async Task Reversed_dates_an_unknown_kind_and_an_overlong_user_filter_are_refused_with_their_reasons()
    {
        var reversed = await Assert.ThrowsAsync<ValidationFailedException>(() => SearchAsync("admin", new SearchAuditLog(From: new DateOnly(2026, 12, 2), To: new DateOnly(2026, 12, 1))));
        var kind = await Assert.ThrowsAsync<ValidationFailedException>(() => SearchAsync("admin", new SearchAuditLog(Kind: "Duty")));
        var actor = await Assert.ThrowsAsync<ValidationFailedException>(() => SearchAsync("admin", new SearchAuditLog(Actor: new string('x', 201))));

        Assert.Contains("پیش از", reversed.Message);
        Assert.Contains("نوع", kind.Message);
        Assert.Contains("۲۰۰", actor.Message);
    }
}
