using System.Security.Claims;
using System.Text;
using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using Salam.Application.Common.Localization;
using Salam.Application.Duties.Commands.ImportDutyUpdates;
using Salam.Testing;
using Salam.Web.Common;
using Salam.Web.Components.Pages.Duties;
using Salam.Web.Localization;

namespace Salam.Web.Tests;

/// <summary>The import page, rendered by bUnit over the real application: a file over the limit is refused by its size, before it is read or sent.</summary>
public sealed class ImportPageTests : ComponentTest
{
    private sealed class SignedIn(ClaimsPrincipal user) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(user));
    }

    /// <summary>Counts the requests the page sends: RequestSender opens one scope per request.</summary>
    private sealed class CountingScopes(IServiceScopeFactory inner) : IServiceScopeFactory
    {
        public int Requests { get; private set; }

        public IServiceScope CreateScope()
        {
            Requests++;
            return inner.CreateScope();
        }
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_by_its_size_before_it_is_read_or_sent_and_a_small_one_is_previewed()
    {
        Use(Cultures.Persian);
        await using var app = await TestApp.StartAsync();
        var scopes = new CountingScopes(app.Services.GetRequiredService<IServiceScopeFactory>());
        Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(await app.PrincipalOfAsync("agency.qom.welfare")));
        Services.AddScoped(sp => new RequestSender(scopes, sp.GetRequiredService<AuthenticationStateProvider>()));
        Render<MudPopoverProvider>();
        Render<MudSnackbarProvider>();
        var dutyId = await app.ReadAsync(db => db.Duties.Where(d => d.Agency!.NameEn == "Qom Province Welfare Directorate")
            .Select(d => d.Id).FirstAsync()); // the preview shows the row, accepted or refused; nothing is applied
        var updates = await app.ReadAsync(db => db.DutyUpdates.CountAsync());
        var page = Render<ImportPage>();

        var good = $"duty_id,status,percent,note\n{dutyId},Accepted,0,ok\n";
        var big = Encoding.UTF8.GetBytes(good + new string('x', DutyCsv.MaxBytes));
        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(big, "big.csv", contentType: "text/csv"));

        page.WaitForAssertion(() => Assert.Contains(Text.Get("Import.TooLarge", DutyCsv.MaxBytes / (1024 * 1024)), page.Markup));
        Assert.Equal(0, scopes.Requests);
        Assert.Empty(page.FindAll(".import-table"));
        Assert.Equal(updates, await app.ReadAsync(db => db.DutyUpdates.CountAsync()));

        page.FindComponent<InputFile>().UploadFiles(InputFileContent.CreateFromBinary(Encoding.UTF8.GetBytes(good), "small.csv", contentType: "text/csv"));
        page.WaitForAssertion(() => Assert.Single(page.FindAll(".import-table")));
        Assert.Equal(1, scopes.Requests);
        Assert.DoesNotContain(Text.Get("Import.TooLarge", DutyCsv.MaxBytes / (1024 * 1024)), page.Markup);
    }
}
