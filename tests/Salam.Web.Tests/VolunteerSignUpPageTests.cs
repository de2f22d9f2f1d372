using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Infrastructure.Persistence;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>The resident's sign-up over plain HTTP posts, as a phone without script would send it.</summary>
public sealed class VolunteerSignUpPageTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    private async Task<int> VolunteersOfAsync(string mobile)
    {
        using var scope = factory.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<SalamDbContext>().Volunteers.CountAsync(v => v.Resident!.Mobile == mobile);
    }

    private static Dictionary<string, string> Offer(string skill, string hours) =>
        new() { ["skills"] = skill, ["days"] = "Monday", ["Form.Hours"] = hours, ["Form.Note"] = "" };

    [Fact]
    public async Task A_resident_signs_up_with_persian_digits_and_sees_their_status_without_a_circuit()
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000001");
        var home = await client.GetStringAsync("/resident");
        Assert.Contains("href=\"/resident/volunteer\"", home);

        var posted = await client.SubmitAsync("/resident/volunteer", "volunteer", Offer("Nursing", "۶"));

        Assert.Equal(HttpStatusCode.Redirect, posted.StatusCode);
        var page = await client.FollowAsync(posted);
        Assert.Contains("ثبت‌نام داوطلبی شما ذخیره شد", page);
        Assert.Contains("ثبت‌نام‌شده", page);
        Assert.Contains("value=\"Nursing\" checked", page);
        Assert.DoesNotContain("<!--Blazor:{\"type\":\"server\"", page);
        Assert.Equal(1, await VolunteersOfAsync("09120000001"));
    }

    [Theory]
    [InlineData("Hacking", "۶", "این مهارت در فهرست مهارت‌ها نیست.")]
    [InlineData("1048576", "۶", "این مهارت در فهرست مهارت‌ها نیست.")]
    [InlineData("Nursing", "۹۰", "ساعت در هفته باید بین ۱ و ۸۰ باشد.")]
    public async Task A_tampered_skill_or_hours_out_of_range_is_refused_with_a_clear_message_and_nothing_is_written(string skill, string hours, string message)
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000003");

        var posted = await client.SubmitAsync("/resident/volunteer", "volunteer", Offer(skill, hours));

        Assert.Equal(HttpStatusCode.BadRequest, posted.StatusCode);
        Assert.Contains(message, await posted.Content.ReadAsStringAsync());
        Assert.Equal(0, await VolunteersOfAsync("09120000003"));
    }

    [Fact]
    public async Task Staff_are_refused_the_resident_volunteer_page_and_residents_the_roster()
    {
        var staff = factory.NewClient();
        await staff.SignInStaffAsync("facilitator.pardisan");
        Assert.StartsWith("/denied", (await staff.GetAsync("/resident/volunteer")).Headers.Location!.PathAndQuery);

        var resident = factory.NewClient();
        await resident.SignInResidentAsync(factory, "09120000004");
        foreach (var page in new[] { "/volunteers", "/placements", "/placed-volunteers" })
            Assert.StartsWith("/denied", (await resident.GetAsync(page)).Headers.Location!.PathAndQuery);
    }
}
