using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Testing;

namespace Salam.E2E.Tests;

/// <summary>
/// Issue 11's journey: Salam started in Production on an empty database is brought to a vote through the app alone. The
/// administrator from the command line enrols two-factor, imports a geography file, adds an agency, a centre and a facilitator;
/// the facilitator registers one resident and confirms another who registered themselves; that resident votes; the audit log
/// shows every step.
/// </summary>
public sealed class GoLiveJourneyTests(GoLiveFixture live) : IClassFixture<GoLiveFixture>
{
    private const string Province = "استان آزمون", County = "شهرستان آزمون", First = "محله نخست", Second = "محله دوم";
    private const string Agency = "ادارهٔ بهزیستی آزمون", Centre = "مرکز مثبت زندگی آزمون", FacilitatorName = "مریم تسهیلگر";
    private const string RegisteredMobile = "09351112233", SelfMobile = "09352223344";

    private static readonly string GeographyFile =
        "level,code,parent_code,name_fa,name_en\n" +
        $"province,TST,,{Province},Test Province\n" +
        $"county,TST-01,TST,{County},Test County\n" +
        $"neighbourhood,TST-01-001,TST-01,{First},First Quarter\n" +
        $"neighbourhood,TST-01-002,TST-01,{Second},\n";

    [Fact]
    public async Task A_country_goes_live_from_an_empty_database_to_a_residents_vote_and_the_audit_log_shows_each_step()
    {
        Assert.Equal(0, await live.ReadAsync(db => db.Provinces.CountAsync()));
        var admin = await live.NewPageAsync();
        IPage? facilitator = null, resident = null;
        try
        {
            await AdminEnrolsTwoFactorAsync(admin);
            await AdminImportsTheGeographyAsync(admin);
            await AdminAddsAnAgencyAsync(admin);
            var first = await live.ReadAsync(db => db.Neighbourhoods.Where(n => n.Code == "TST-01-001").Select(n => n.Id).SingleAsync());
            await AdminOpensACentreAsync(admin, first);
            var temporaryPassword = await AdminCreatesAFacilitatorAsync(admin);

            facilitator = await live.NewPageAsync();
            await FacilitatorChoosesTheirPasswordAsync(facilitator, temporaryPassword);
            await FacilitatorRegistersAResidentAsync(facilitator);

            resident = await live.NewPageAsync(390);
            await APersonRegistersThemselvesAndProposesAsync(resident);
            await FacilitatorConfirmsApprovesAndOpensARoundAsync(facilitator, first);
            await TheConfirmedResidentVotesAsync(resident);

            await TheAuditLogShowsEachStepAsync(admin);
        }
        catch
        {
            await admin.ShootAsync("golive-failure-admin");
            if (facilitator is not null) await facilitator.ShootAsync("golive-failure-facilitator");
            if (resident is not null) await resident.ShootAsync("golive-failure-resident");
            throw;
        }
    }

    private async Task AdminEnrolsTwoFactorAsync(IPage admin)
    {
        Assert.Contains(GoLiveFixture.AdminUser, live.CreateAdminOutput);
        await admin.GotoAsync("/signin");
        await admin.FillAsync("#username", GoLiveFixture.AdminUser);
        await admin.FillAsync("#password", GoLiveFixture.AdminPassword);
        await admin.ClickAsync("form:has(#password) button[type=submit]");
        // Administrators must use an authenticator: the first sign-in goes to enrolment, and nothing else opens until then.
        await admin.WaitForURLAsync("**/account/two-factor**");
        await admin.ShootAsync("golive-1-enrol-fa");
        await admin.GotoAsync("/admin/geography");
        await admin.WaitForURLAsync("**/account/two-factor**");
        var key = (await admin.Locator(".salam-key").TextContentAsync())!.Replace(" ", "", StringComparison.Ordinal);
        await admin.FillAsync("#confirm-code", Digits.ToPersian(Authenticator.Code(key)));
        await admin.ClickAsync("form:has(#confirm-code) button[type=submit]");
        await Assertions.Expect(admin.Locator(".salam-recovery-codes code")).ToHaveCountAsync(10);
        await admin.ShootAsync("golive-2-recovery-codes-fa");
    }

    private async Task AdminImportsTheGeographyAsync(IPage admin)
    {
        await admin.GotoAsync("/admin/geography");
        var upload = admin.Locator(".geography-upload input[type=file]");
        await upload.WaitForAsync(new() { State = WaitForSelectorState.Attached });
        var summary = admin.Locator(".geography-summary");
        for (var attempt = 0; attempt < 10 && !await summary.IsVisibleAsync(); attempt++)
        {
            // The upload answers once the circuit is up; a file chosen before then is chosen again.
            await upload.SetInputFilesAsync(new FilePayload { Name = "country.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(GeographyFile) });
            try { await summary.WaitForAsync(new() { Timeout = 3000 }); } catch (TimeoutException) { }
        }
        await Assertions.Expect(admin.Locator(".geography-table .geography-accepted")).ToHaveCountAsync(4);
        await admin.ShootAsync("golive-3-geography-preview-fa");
        await admin.ClickAsync(".geography-apply");
        await Assertions.Expect(admin.Locator(".geography-summary.mud-alert-filled-success, .geography-summary.mud-alert-text-success")).ToBeVisibleAsync();
        Assert.Equal(2, await live.ReadAsync(db => db.Neighbourhoods.CountAsync(n => n.Code.StartsWith("TST-"))));
    }

    private async Task AdminAddsAnAgencyAsync(IPage admin)
    {
        await admin.GotoAsync("/agencies");
        await admin.Locator("button.agency-new").ClickUntilVisibleAsync(admin.Locator(".agency-form"));
        await admin.Locator(".agency-namefa input").FillAsync(Agency);
        await admin.Locator(".agency-form input[type=text]").Nth(1).FillAsync("Test Welfare Office");
        await admin.ChooseAsync(admin.Locator(".agency-province .mud-select-input").First, $".mud-list-item:has-text('{Province}')");
        await admin.ClickAsync(".agency-save");
        await Assertions.Expect(admin.Locator(".agencies-table")).ToContainTextAsync(Agency);
    }

    private async Task AdminOpensACentreAsync(IPage admin, int neighbourhood)
    {
        await admin.GotoAsync("/centres");
        // With one province in the country the page names it rather than offering a choice.
        await Assertions.Expect(admin.Locator(".centre-province")).ToContainTextAsync(Province);
        await admin.Locator("button.centre-new").ClickUntilVisibleAsync(admin.Locator(".centre-form"));
        await admin.Locator(".centre-name-fa input").FillAsync(Centre);
        await admin.Locator(".centre-name-en input").FillAsync("Test Positive Life Centre");
        await admin.Locator(".centre-address input").FillAsync("خیابان آزمون، پلاک ۱");
        await admin.ChooseAsync(admin.Locator(".centre-neighbourhoods .mud-select-input").First, $".mud-list-item:has([data-neighbourhood='{neighbourhood}'])");
        await admin.CloseListAsync();
        await admin.Locator("button.centre-save").ClickAsync();
        await Assertions.Expect(admin.Locator("tr.centre-row", new() { HasText = Centre })).ToContainTextAsync(First);
    }

    private async Task<string> AdminCreatesAFacilitatorAsync(IPage admin)
    {
        await admin.GotoAsync("/staff");
        await admin.Locator("button.staff-new").ClickUntilVisibleAsync(admin.Locator(".staff-form"));
        await admin.Locator(".staff-form-user-name input").FillAsync("maryam.test");
        await admin.Locator(".staff-form-full-name input").FillAsync(FacilitatorName);
        await admin.Locator(".staff-form-mobile input").FillAsync("۰۹۱۲۵۵۵۶۶۷۷");
        await admin.ChooseAsync(admin.Locator(".staff-form-role .mud-select-input").First, ".mud-list-item:has-text('تسهیلگر')");
        await Assertions.Expect(admin.Locator(".staff-form-province input").First).ToHaveValueAsync(Province); // the only province, chosen already
        await admin.ChooseAsync(admin.Locator(".staff-form-centre .mud-select-input").First, $".mud-list-item:has-text('{Centre}')");
        const string initial = "first sign-in only 4071";
        await admin.Locator(".staff-form-password input").FillAsync(initial);
        await admin.ShootAsync("golive-4-new-facilitator-fa");
        await admin.ClickAsync(".staff-form-save");
        await Assertions.Expect(admin.Locator(".staff-table")).ToContainTextAsync("maryam.test");
        return initial;
    }

    private static async Task FacilitatorChoosesTheirPasswordAsync(IPage facilitator, string temporaryPassword)
    {
        await facilitator.GotoAsync("/signin");
        await facilitator.FillAsync("#username", "maryam.test");
        await facilitator.FillAsync("#password", temporaryPassword);
        await facilitator.ClickAsync("form:has(#password) button[type=submit]");
        await facilitator.WaitForURLAsync("**/account/password**");
        await facilitator.FillAsync("#current", temporaryPassword);
        await facilitator.FillAsync("#new", "a neighbourhood of my own 1405");
        await facilitator.FillAsync("#repeat", "a neighbourhood of my own 1405");
        await facilitator.ClickAsync("form:has(#repeat) button[type=submit]");
        await facilitator.GotoAsync("/facilitator");
        await Assertions.Expect(facilitator.GetByText(First).First).ToBeVisibleAsync();
    }

    private static async Task FacilitatorRegistersAResidentAsync(IPage facilitator)
    {
        await facilitator.GotoAsync("/residents");
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "ثبت ساکن" }).ClickUntilVisibleAsync(facilitator.Locator(".register-form"));
        var name = (facilitator.Locator(".register-name input"), "رضا ساکن");
        var mobile = (facilitator.Locator(".register-mobile input"), Digits.ToPersian(RegisteredMobile));
        var nationalId = (facilitator.Locator(".register-national-id input"), Digits.ToPersian(NationalIds.Valid(1)));
        await name.Item1.FillAsync(name.Item2);
        await facilitator.ChooseAsync(facilitator.Locator(".register-neighbourhood .mud-select-input").First, $".mud-list-item:has-text('{First}')");
        await mobile.Item1.FillAsync(mobile.Item2);
        await nationalId.Item1.FillAsync(nationalId.Item2);
        await facilitator.KeepFilledAsync(name, mobile, nationalId);
        await facilitator.ShootAsync("golive-5-register-resident-fa");
        await facilitator.ClickAsync(".register-save");
        await Assertions.Expect(facilitator.Locator(".mud-snackbar, .mud-alert").First).ToBeVisibleAsync();
    }

    private async Task APersonRegistersThemselvesAndProposesAsync(IPage person)
    {
        await person.GotoAsync("/signin");
        await person.ClickAsync("a[href='/register']");
        await person.FillAsync("#mobile", SelfMobile);
        await person.ClickAsync("form:has(#mobile) button[type=submit]");
        await person.ArriveAtAsync("**/register/code**");
        await person.FillAsync("#code", Digits.ToPersian(live.LastCode(SelfMobile)));
        await person.ClickAsync("form:has(#code) button[type=submit]");
        await person.ArriveAtAsync("**/register/details**");
        await person.SelectOptionAsync("#province", new SelectOptionValue { Label = Province });
        await person.ClickAsync("form.register-places button[type=submit]");
        await person.SelectOptionAsync("#county", new SelectOptionValue { Label = County });
        await person.ClickAsync("form.register-places button[type=submit]");
        await person.SelectOptionAsync("#neighbourhood", new SelectOptionValue { Label = First });
        await person.FillAsync("#fullname", "زهرا همسایه");
        await person.FillAsync("#nationalid", Digits.ToPersian(NationalIds.Valid(2)));
        await person.ShootAsync("golive-6-self-registration-fa");
        await person.ClickAsync("form.register-details button[type=submit]");
        await person.ArriveAtAsync("**/resident**");
        await Assertions.Expect(person.Locator("h1").First).ToBeVisibleAsync();
        await person.ShootAsync("golive-7-pending-home-fa");

        // While pending, a resident may already propose the needs of their neighbourhood.
        foreach (var (title, category) in new[] { ("روشنایی کوچه‌های محله", "EnvironmentAndUrban"), ("کلاس مهارت برای نوجوانان", "Education") })
        {
            await person.GotoAsync("/needs/propose");
            await person.FillAsync("#title", title);
            await person.FillAsync("#description", "پیشنهاد ساکن تازه‌وارد");
            await person.SelectOptionAsync("#category", category);
            await person.ClickAsync("form:has(#title) button[type=submit]");
            await Assertions.Expect(person.Locator(".salam-success")).ToBeVisibleAsync();
        }
    }

    private static async Task FacilitatorConfirmsApprovesAndOpensARoundAsync(IPage facilitator, int neighbourhood)
    {
        await facilitator.GotoAsync("/residents");
        var pending = facilitator.Locator(".pending-row", new() { HasText = "زهرا همسایه" });
        await Assertions.Expect(pending).ToBeVisibleAsync();
        await facilitator.ShootAsync("golive-8-pending-queue-fa");
        await pending.Locator(".pending-confirm").ClickUntilVisibleAsync(facilitator.Locator(".pending-empty"));

        await facilitator.GotoAsync($"/facilitator/neighbourhoods/{neighbourhood}");
        var approve = facilitator.Locator(".moderation-table button.approve");
        for (var left = 2; left > 0; left--)
        {
            // The buttons answer once the circuit is up: a click before then is tried again.
            for (var attempt = 0; attempt < 15 && await approve.CountAsync() == left; attempt++)
            {
                await approve.First.ClickAsync();
                try { await Assertions.Expect(approve).ToHaveCountAsync(left - 1, new() { Timeout = 2000 }); }
                catch (PlaywrightException) { }
            }
            await Assertions.Expect(approve).ToHaveCountAsync(left - 1);
        }
        await facilitator.GetByRole(AriaRole.Tab, new() { Name = "دورهای اولویت‌بندی" }).ClickUntilVisibleAsync(facilitator.Locator(".round-title"));
        await facilitator.Locator(".round-title input").FillAsync("دور نخست محله");
        foreach (var box in await facilitator.Locator(".round-need input[type=checkbox]").AllAsync()) await box.CheckAsync();
        await facilitator.ClickAsync(".round-create");
        await facilitator.Locator("button.open-round").ClickUntilVisibleAsync(facilitator.Locator("button.close-round"));
        await facilitator.ShootAsync("golive-9-round-open-fa");
    }

    private async Task TheConfirmedResidentVotesAsync(IPage resident)
    {
        // Signed out since registering, the resident comes back with a code texted to their mobile.
        await resident.ClickAsync("form[action='/signout'] button");
        await resident.ArriveAtAsync("**/signin**");
        await resident.FillAsync("#mobile", Digits.ToPersian(SelfMobile));
        await resident.ClickAsync("form:has(#mobile) button[type=submit]");
        await resident.ArriveAtAsync("**/signin/code**");
        await resident.FillAsync("#code", live.LastCode(SelfMobile));
        await resident.ClickAsync("form:has(#code) button[type=submit]");
        await resident.ArriveAtAsync("**/resident");
        await resident.ClickAsync(".salam-round a.salam-action");
        var ranks = resident.Locator("select.ballot-rank");
        await ranks.First.WaitForAsync();
        await ranks.Nth(0).SelectOptionAsync("1");
        await ranks.Nth(1).SelectOptionAsync("2");
        await resident.ClickAsync("form button[type=submit].salam-button");
        await Assertions.Expect(resident.Locator(".salam-success")).ToBeVisibleAsync();
        await resident.ShootAsync("golive-10-voted-fa");
    }

    private async Task TheAuditLogShowsEachStepAsync(IPage admin)
    {
        await admin.GotoAsync("/audit");
        var table = admin.Locator(".audit-table");
        foreach (var kind in new[] { "استان", "شهرستان", "محله", "دستگاه", "مرکز", "حساب کاربری", "ساکن" })
            await Assertions.Expect(table).ToContainTextAsync(kind);
        foreach (var value in new[] { Province, Agency, Centre, FacilitatorName, "رضا ساکن", "زهرا همسایه" })
            await Assertions.Expect(table).ToContainTextAsync(value);
        await admin.ShootAsync("golive-11-audit-fa");
        await admin.GotoAsync("/culture?culture=en-US&returnUrl=/audit");
        await Assertions.Expect(admin.Locator(".audit-table")).ToContainTextAsync("Neighbourhood");
        await admin.ShootAsync("golive-11-audit-en");
        Assert.Equal(ResidentStatus.Confirmed, await live.ReadAsync(db => db.Residents.Where(r => r.Mobile == SelfMobile).Select(r => r.Status).SingleAsync()));
        Assert.Equal(1, await live.ReadAsync(db => db.Ballots.CountAsync()));
    }
}

/// <summary>National ids whose check digit is right (the app refuses any other).</summary>
internal static class NationalIds
{
    public static string Valid(int seed)
    {
        var digits = $"00{seed:D2}12345"[..9];
        var sum = digits.Select((c, i) => (c - '0') * (10 - i)).Sum();
        var remainder = sum % 11;
        return digits + (remainder < 2 ? remainder : 11 - remainder);
    }
}
