using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>A duty's page by URL: its own agency reads it; another agency's manager who types its id reads only a refusal.</summary>
public sealed class DutyPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<(int Id, string Title)> WelfareDutyAsync()
    {
        using var scope = factory.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
        var duty = await db.Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate").OrderBy(d => d.Id).FirstAsync();
        return (duty.Id, duty.Title);
    }

    [Fact]
    public async Task A_tampered_duty_id_shows_a_refusal_and_nothing_of_the_duty()
    {
        var (id, title) = await WelfareDutyAsync();
        var own = factory.NewClient();
        await own.SignInStaffAsync("agency.qom.welfare");
        Assert.Contains(title, await own.GetStringAsync($"/duties/{id}"));

        var other = factory.NewClient();
        await other.SignInStaffAsync("agency.qom.municipality");
        var page = await other.GetStringAsync($"/duties/{id}");
        Assert.Contains("این مورد خارج از حوزهٔ شماست.", page);
        Assert.DoesNotContain(title, page);
    }

    [Fact]
    public async Task The_update_form_holds_a_note_to_the_limit_and_counts_its_characters()
    {
        var (id, _) = await WelfareDutyAsync();
        var client = factory.NewClient();
        await client.SignInStaffAsync("agency.qom.welfare");

        var page = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(await client.GetStringAsync($"/duties/{id}"));

        var note = page.QuerySelector(".duty-note input") ?? throw new Xunit.Sdk.XunitException("no note field");
        Assert.Equal(Domain.Duties.Duty.MaxNoteLength.ToString(System.Globalization.CultureInfo.InvariantCulture), note.GetAttribute("maxlength"));
        Assert.Contains($"/ {Domain.Duties.Duty.MaxNoteLength}", page.QuerySelector(".duty-note")!.TextContent);
    }
}
