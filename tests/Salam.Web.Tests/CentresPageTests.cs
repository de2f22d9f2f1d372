using System.Net;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Centres.Commands.AssignFacilitator;
using Salam.Infrastructure.Identity;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The centres page over HTTP: scoped to the officer's province, refused to other roles, and a moved facilitator's old sign-in stops working.</summary>
public sealed class CentresPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task AsAdminAsync(Func<ISender, Task> send)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var admin = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("admin");
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(admin!);
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Use(principal);
        await send(scope.ServiceProvider.GetRequiredService<ISender>());
    }

    private async Task<int> CentreAsync(string nameEn)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<SalamDbContext>().Centres.Where(c => c.NameEn == nameEn).Select(c => c.Id).SingleAsync();
    }

    [Fact]
    public async Task An_officer_sees_their_provinces_centres_with_neighbourhoods_and_facilitators_in_persian_and_english()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");

        var persian = await client.GetStringAsync("/centres");
        Assert.Contains("مراکز مثبت زندگی و تسهیلگران", persian);
        Assert.Contains("مرکز مثبت زندگی صفاشهر", persian);
        Assert.Contains("زنبیل‌آباد", persian);
        Assert.Contains("facilitator.pardisan", persian);
        Assert.DoesNotContain("سروینه‌باغ", persian);
        Assert.Contains("href=\"/centres\"", persian);

        await client.GetAsync("/culture?culture=en-US&returnUrl=/centres");
        var english = await client.GetStringAsync("/centres");
        Assert.Contains("<html lang=\"en\" dir=\"ltr\">", english);
        Assert.Contains("Safashahr Positive Life Centre", english);
        Assert.Contains("Neighbourhoods served", english);
        Assert.DoesNotContain("Sarvineh Bagh", english);
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("ministry")]
    [InlineData("agency.qom.welfare")]
    public async Task Other_staff_are_refused_the_page(string userName)
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync(userName);
        var response = await client.GetAsync("/centres");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/denied", response.Headers.Location!.PathAndQuery);
    }

    [Fact]
    public async Task A_facilitator_moved_to_another_centre_is_signed_out_and_signs_in_to_the_new_centres_neighbourhoods()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("facilitator.sari");
        Assert.Contains("سروینه‌باغ", await client.GetStringAsync("/facilitator"));
        var (sarvineh, astaneh) = (await CentreAsync("Sarvineh Bagh Positive Life Centre"), await CentreAsync("Astaneh Positive Life Centre"));
        int facilitatorId;
        await using (var scope = factory.Services.CreateAsyncScope())
            facilitatorId = (await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByNameAsync("facilitator.sari"))!.Id;

        try
        {
            await AsAdminAsync(sender => sender.Send(new AssignFacilitator(facilitatorId, astaneh)).AsTask());

            // The cookie still names the old centre: it is refused on the very next request, not half an hour later.
            var stale = await client.GetAsync("/facilitator");
            Assert.Equal(HttpStatusCode.Redirect, stale.StatusCode);
            Assert.StartsWith("/signin", stale.Headers.Location!.PathAndQuery);

            await client.SignInStaffAsync("facilitator.sari");
            var html = await client.GetStringAsync("/facilitator");
            Assert.Contains("آستانه", html);
            Assert.DoesNotContain("سروینه‌باغ", html);
        }
        finally
        {
            await AsAdminAsync(sender => sender.Send(new AssignFacilitator(facilitatorId, sarvineh)).AsTask());
        }
    }
}
