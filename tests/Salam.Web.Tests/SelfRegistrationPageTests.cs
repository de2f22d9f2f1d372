using System.Net;
using AngleSharp.Html.Parser;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Common.Localization;
using Salam.Domain.Common;
using Salam.Domain.People;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>Self-registration over HTTP as plain forms: mobile, code, place chosen step by step, a pending resident signed in.</summary>
public sealed class SelfRegistrationPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private static int _serial;
    private static string NewMobile() => $"0936{Interlocked.Increment(ref _serial) + 3000000:D7}";
    private static string NewNationalId() => NationalIds.Valid(Interlocked.Increment(ref _serial) + 700_000);

    private async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    private Task<(int Province, int County, int Neighbourhood)> PardisanAsync() => ReadAsync(async db => await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان")
        .Select(n => new { n.County!.ProvinceId, n.CountyId, n.Id }).SingleAsync() is var n ? (n.ProvinceId, n.CountyId, n.Id) : default);

    private Task<string> FingerprintAsync() => ReadAsync(async db => string.Join('|', await db.Residents.CountAsync(), await db.Users.CountAsync()));

    /// <summary>Steps 1 and 2: asks for a code and enters it; returns the code step's answer.</summary>
    private async Task<HttpResponseMessage> ProveAsync(HttpClient client, string mobile)
    {
        var asked = await client.SubmitAsync("/register", "register", new Dictionary<string, string> { ["Form.Mobile"] = Digits.ToPersian(mobile) });
        Assert.Equal(HttpStatusCode.Redirect, asked.StatusCode);
        Assert.Equal($"/register/code?mobile={mobile}", Where(asked));
        return await client.SubmitAsync($"/register/code?mobile={mobile}", "register-code",
            new Dictionary<string, string> { ["Form.Code"] = SignInFlows.LastCode(factory, mobile) });
    }

    /// <summary>Where a redirect points, as a local path and query.</summary>
    private static string Where(HttpResponseMessage response) =>
        response.Headers.Location is { IsAbsoluteUri: true } absolute ? absolute.PathAndQuery : response.Headers.Location?.OriginalString ?? $"(no redirect: {response.StatusCode})";

    private static Dictionary<string, string> Details(int neighbourhood, string name, string nationalId) => new()
    {
        ["Form.NeighbourhoodId"] = neighbourhood.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Form.FullName"] = name,
        ["Form.NationalId"] = nationalId,
    };

    [Fact]
    public async Task A_new_person_registers_step_by_step_without_script_and_is_signed_in_as_a_pending_resident()
    {
        var (province, county, pardisan) = await PardisanAsync();
        var (mobile, nationalId) = (NewMobile(), NewNationalId());
        var client = factory.NewClient();
        Assert.Contains("href=\"/register\"", await client.GetStringAsync("/signin"));

        var proven = await ProveAsync(client, mobile);
        Assert.Equal("/register/details", Where(proven));
        Assert.Equal(Text.Get("Registration.SmsText", SignInFlows.LastCode(factory, mobile)), factory.Sms.LastTextTo(mobile));

        var page = new HtmlParser().ParseDocument(await client.GetStringAsync($"/register/details?province={province}&county={county}"));
        Assert.Equal("get", page.QuerySelector("form.register-places")!.GetAttribute("method"));
        Assert.NotNull(page.QuerySelector($"select[name='Form.NeighbourhoodId'] option[value='{pardisan}']"));
        Assert.DoesNotContain("<script src=\"_framework/blazor.server", page.Source.Text);

        var registered = await client.SubmitAsync($"/register/details?province={province}&county={county}", "register-details",
            Details(pardisan, "سارا محمدی", Digits.ToPersian(nationalId)));

        Assert.Equal(HttpStatusCode.Redirect, registered.StatusCode);
        var stored = await ReadAsync(db => db.Residents.AsNoTracking().SingleAsync(r => r.Mobile == mobile));
        Assert.Equal(("سارا محمدی", nationalId, pardisan, ResidentStatus.Pending), (stored.FullName, stored.NationalId, stored.NeighbourhoodId, stored.Status));
        var home = await client.GetStringAsync("/resident");
        Assert.Contains("resident-pending", home);
    }

    [Fact]
    public async Task A_registered_number_is_answered_alike_on_screen_and_its_code_signs_the_resident_in_without_a_second_registration()
    {
        const string registered = "09120000007";
        var client = factory.NewClient();
        var before = await FingerprintAsync();

        var proven = await ProveAsync(client, registered);

        Assert.Equal(Text.Get("Registration.SmsKnown", SignInFlows.LastCode(factory, registered)), factory.Sms.LastTextTo(registered));
        Assert.Equal("/", Where(proven));
        Assert.Equal(1, await ReadAsync(db => db.Residents.CountAsync(r => r.Mobile == registered)));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/resident")).StatusCode);
    }

    [Fact]
    public async Task The_details_step_without_a_proven_number_or_with_a_forged_pass_sends_back_to_the_first_step()
    {
        var client = factory.NewClient();
        var none = await client.GetAsync("/register/details");
        Assert.Equal("/register", Where(none));

        var forged = new HttpRequestMessage(HttpMethod.Get, "/register/details");
        forged.Headers.Add("Cookie", "salam.registration=09121234567|0");
        Assert.Equal("/register", Where(await client.SendAsync(forged)));
    }

    [Fact]
    public async Task A_taken_national_id_is_refused_clearly_writes_nothing_and_a_few_refusals_use_up_the_pass()
    {
        var (province, county, pardisan) = await PardisanAsync();
        var taken = await ReadAsync(db => db.Residents.Where(r => r.NationalId != null).Select(r => r.NationalId!).FirstAsync());
        var client = factory.NewClient();
        await ProveAsync(client, NewMobile());
        var before = await FingerprintAsync();
        var url = $"/register/details?province={province}&county={county}";

        var refused = await client.SubmitAsync(url, "register-details", Details(pardisan, "تکراری", taken));

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(Text.Get("Resident.NationalIdTaken"), await refused.Content.ReadAsStringAsync());
        for (var i = 1; i < Infrastructure.Identity.SelfRegistration.MaxRefusals; i++)
            await client.SubmitAsync(url, "register-details", Details(pardisan, "تکراری", taken));
        Assert.Equal("/register", Where(await client.GetAsync(url)));
        Assert.Equal(before, await FingerprintAsync());
    }

    [Fact]
    public async Task A_tampered_or_inactive_neighbourhood_is_refused_and_writes_nothing()
    {
        var (province, county, _) = await PardisanAsync();
        var inactive = await ReadAsync(async db =>
        {
            var place = await db.Neighbourhoods.Where(n => n.CountyId == county && n.NameFa != "پردیسان").FirstAsync();
            place.Deactivate();
            await db.SaveChangesAsync();
            return place.Id;
        });
        var client = factory.NewClient();
        await ProveAsync(client, NewMobile());
        var before = await FingerprintAsync();

        foreach (var id in new[] { inactive, 999_999 })
        {
            var refused = await client.SubmitAsync($"/register/details?province={province}&county={county}", "register-details", Details(id, "نام", NewNationalId()));
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            Assert.Contains(Text.Get("Registration.ChooseNeighbourhood"), await refused.Content.ReadAsStringAsync());
        }
        Assert.Equal(before, await FingerprintAsync());
        await ReadAsync(async db => { (await db.Neighbourhoods.SingleAsync(n => n.Id == inactive)).Reactivate(); return await db.SaveChangesAsync(); });
    }
}
