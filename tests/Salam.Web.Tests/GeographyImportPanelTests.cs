using System.Security.Claims;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Application.Common.Localization;
using Salam.Testing;
using Salam.Web.Common;
using Salam.Web.Components.Pages.Geography;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The geography import panel over the real application: the preview lists refused rows first with their line and reason, and saves nothing until applied.</summary>
public sealed class GeographyImportPanelTests : ComponentTest
{
    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    [Fact]
    public async Task A_preview_shows_the_counts_and_the_refused_rows_first_with_their_lines_and_reasons_and_apply_saves_the_accepted_ones()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(await app.PrincipalOfAsync("admin")));
        Services.AddScoped(sp => new RequestSender(app.Services.GetRequiredService<IServiceScopeFactory>(), sp.GetRequiredService<AuthenticationStateProvider>()));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var places = await app.ReadAsync(db => db.Neighbourhoods.CountAsync());
        var panel = Render<GeographyImportPanel>();

        var csv = "level,code,parent_code,name_fa,name_en\nprovince,KHZ,,خوزستان,Khuzestan\ncounty,KHZ-01,KHZ,اهواز,\nneighbourhood,KHZ-01-001,NOPE,کیانپارس,Kianpars\nneighbourhood,KHZ-01-002,KHZ-01,باغ‌معین,Bagh-e Moein\n";
        panel.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes(csv), "geo.csv", contentType: "text/csv"));

        panel.WaitForAssertion(() => Assert.Single(panel.FindAll(".geography-table")));
        Assert.Contains("۳ سطر پذیرفته و ۱ سطر رد شد", panel.Find(".geography-summary").TextContent);
        var firstRow = panel.FindAll(".geography-table tbody tr")[0];
        Assert.Contains("۴", firstRow.TextContent); // line 4, the refused row, comes first
        Assert.Contains(Text.Get("Geography.UnknownParent", "NOPE"), firstRow.QuerySelector(".geography-refused")!.TextContent);
        Assert.Equal(3, panel.FindAll(".geography-accepted").Count);
        Assert.Equal(places, await app.ReadAsync(db => db.Neighbourhoods.CountAsync()));

        await panel.ClickAsync(".geography-apply button, button.geography-apply");
        panel.WaitForAssertion(() => Assert.Contains("ذخیره شد", panel.Find(".geography-summary").TextContent));
        Assert.Equal(places + 1, await app.ReadAsync(db => db.Neighbourhoods.CountAsync()));
    }
}
