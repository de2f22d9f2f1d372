using System.Net;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Centres.Commands.CreateCentre;
using Salam.Domain.Geography;
using Salam.Infrastructure.Identity;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The audit log's CSV: the page's filters and scope, names that would start a formula neutralised, never cached.</summary>
public sealed class AuditExportTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private const string Formula = "=HYPERLINK(\"http://evil.example\",\"x\")";

    /// <summary>Qom's officer, renamed by an attacker-controlled display name, opens a centre; so does Mazandaran's.</summary>
    private async Task<(string QomCentre, string MazandaranCentre)> TwoProvincesChangesAsync()
    {
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            var officer = await users.FindByNameAsync("officer.qom");
            officer!.FullName = Formula;
            await users.UpdateAsync(officer);
        }
        var (qom, mazandaran) = ($"مرکز خروجی {Guid.NewGuid():N}"[..20], $"مرکز مازندران {Guid.NewGuid():N}"[..22]);
        await factory.SendAsStaffAsync<int>("officer.qom", new CreateCentre(await ProvinceAsync("Qom"), qom, "Export Qom", "", CentreKind.CommunityCentre, []));
        await factory.SendAsStaffAsync<int>("officer.mazandaran", new CreateCentre(await ProvinceAsync("Mazandaran"), mazandaran, "Export Mazandaran", "", CentreKind.CommunityCentre, []));
        return (qom, mazandaran);
    }

    private async Task<int> ProvinceAsync(string nameEn)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Salam.Infrastructure.Persistence.SalamDbContext>();
        return db.Provinces.Single(p => p.NameEn == nameEn).Id;
    }

    private async Task<(HttpResponseMessage Response, string Text)> ExportAsync(string userName, string query = "")
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        var response = await client.GetAsync($"/audit/export.csv{query}");
        return (response, Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()));
    }

    [Fact]
    public async Task The_administrators_export_holds_every_provinces_changes_with_a_formula_in_a_name_neutralised_and_is_never_cached()
    {
        var (qomCentre, mazandaranCentre) = await TwoProvincesChangesAsync();

        var (response, csv) = await ExportAsync("admin", "?kind=Centre");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains(qomCentre, csv);
        Assert.Contains(mazandaranCentre, csv);
        var qomRow = csv.Split('\n').Single(line => line.Contains(qomCentre, StringComparison.Ordinal));
        Assert.Contains(",\"'=HYPERLINK(", qomRow); // the name is a cell of its own, quoted by the formula guard
        Assert.DoesNotContain(",=HYPERLINK", qomRow);
        Assert.DoesNotContain(",\"=HYPERLINK", qomRow);
    }

    [Fact]
    public async Task A_provincial_officers_export_holds_their_own_province_only()
    {
        var (qomCentre, mazandaranCentre) = await TwoProvincesChangesAsync();

        var (response, csv) = await ExportAsync("officer.mazandaran", "?kind=Centre");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(mazandaranCentre, csv);
        Assert.DoesNotContain(qomCentre, csv);
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("ministry")]
    [InlineData("agency.qom.welfare")]
    public async Task Other_staff_get_no_export(string userName)
    {
        var (response, csv) = await ExportAsync(userName);

        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain("Centre", csv);
    }

    [Theory]
    [InlineData("?from=1405/13/40")]
    [InlineData("?kind=Duty")]
    [InlineData("?from=2026-12-02&to=2026-12-01")]
    public async Task Bad_filters_are_refused_with_a_message(string query)
    {
        var (response, text) = await ExportAsync("admin", query);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("Created", text);
    }
}

/// <summary>The audit page over HTTP: the officer's province only, values shown as text however they were typed.</summary>
public sealed class AuditLogPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [Fact]
    public async Task An_officer_sees_their_provinces_changes_with_markup_in_a_name_shown_as_text()
    {
        var script = $"<script>alert('{Guid.NewGuid():N}')</script>";
        int qom, mazandaran;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<Salam.Infrastructure.Persistence.SalamDbContext>();
            (qom, mazandaran) = (db.Provinces.Single(p => p.NameEn == "Qom").Id, db.Provinces.Single(p => p.NameEn == "Mazandaran").Id);
        }
        await factory.SendAsStaffAsync<int>("officer.qom", new CreateCentre(qom, script, "Page Qom", "", CentreKind.CommunityCentre, []));
        await factory.SendAsStaffAsync<int>("officer.mazandaran", new CreateCentre(mazandaran, "مرکز دیده‌نشده", "Unseen", "", CentreKind.CommunityCentre, []));
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");

        var page = await client.GetStringAsync("/audit");

        Assert.Contains("گزارش تغییرات", page);
        Assert.Contains(System.Net.WebUtility.HtmlEncode(script).Replace("&#39;", "&#x27;", StringComparison.Ordinal), page);
        Assert.DoesNotContain(script, page);
        Assert.DoesNotContain("مرکز دیده‌نشده", page);
    }

    [Fact]
    public async Task A_facilitator_is_refused_the_page()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.pardisan");

        var response = await client.GetAsync("/audit");

        Assert.DoesNotContain("audit-table", await response.Content.ReadAsStringAsync());
    }
}
