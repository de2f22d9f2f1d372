using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Salam.Application.Common.Exceptions;
using Salam.Application.Needs.Commands.ProposeNeed;
using Salam.Domain.Needs;
using Salam.Infrastructure.Persistence.Seeding;

namespace Salam.Application.Tests;

public sealed class ProposeNeedTests(DemoCountryFixture fixture) : IClassFixture<DemoCountryFixture>
{
    private Testing.TestApp App => fixture.App;

    private async Task<(System.Security.Claims.ClaimsPrincipal User, int NeighbourhoodId)> FirstResidentAsync()
    {
        var user = await App.ResidentPrincipalAsync(DemoDataSeeder.FirstResidentMobile);
        var neighbourhoodId = await App.ReadAsync(db => db.Residents.Where(r => r.Mobile == DemoDataSeeder.FirstResidentMobile).Select(r => r.NeighbourhoodId).SingleAsync());
        return (user, neighbourhoodId);
    }

    [Fact]
    public async Task A_resident_proposes_a_need_for_their_own_neighbourhood_and_it_waits_for_moderation()
    {
        var (resident, neighbourhoodId) = await FirstResidentAsync();

        var id = await App.SendAsync<int>(resident, new ProposeNeed(neighbourhoodId, "  کتابخانهٔ محله  ", "جایی برای مطالعهٔ نوجوانان", NeedCategory.Education, 50_000_000));

        var stored = await App.ReadAsync(db => db.Needs.AsNoTracking().SingleAsync(n => n.Id == id));
        Assert.Equal("کتابخانهٔ محله", stored.Title);
        Assert.Equal(NeedStatus.Proposed, stored.Status);
        Assert.Equal(neighbourhoodId, stored.NeighbourhoodId);
        Assert.NotNull(stored.ProposedByResidentId);
    }

    [Theory]
    [InlineData("fa-IR", "عنوان نیاز را وارد کنید.")]
    [InlineData("en-US", "Enter a title for the need.")]
    public async Task A_need_without_a_title_is_refused_with_a_translated_message_and_nothing_is_written(string culture, string message)
    {
        var (resident, neighbourhoodId) = await FirstResidentAsync();
        var before = await App.ReadAsync(db => db.Needs.CountAsync());
        CultureInfo.CurrentUICulture = new CultureInfo(culture);

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync<int>(resident, new ProposeNeed(neighbourhoodId, " ", "", NeedCategory.Health, null)));

        Assert.Contains(message, refused.Errors[nameof(ProposeNeed.Title)]);
        Assert.Equal(before, await App.ReadAsync(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task A_negative_cost_and_an_unknown_category_are_refused_together()
    {
        var (resident, neighbourhoodId) = await FirstResidentAsync();
        var before = await App.ReadAsync(db => db.Needs.CountAsync());

        var refused = await Assert.ThrowsAsync<ValidationFailedException>(() =>
            App.SendAsync<int>(resident, new ProposeNeed(neighbourhoodId, "عنوان", "", (NeedCategory)42, -1)));

        Assert.Equal([nameof(ProposeNeed.Category), nameof(ProposeNeed.EstimatedCost)], refused.Errors.Keys.Order());
        Assert.Equal(before, await App.ReadAsync(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task A_neighbourhood_id_tampered_to_another_neighbourhood_is_refused_and_nothing_is_written()
    {
        var (resident, neighbourhoodId) = await FirstResidentAsync();
        var other = await App.ReadAsync(db => db.Neighbourhoods.Where(n => n.Id != neighbourhoodId).Select(n => n.Id).FirstAsync());
        var before = await App.ReadAsync(db => db.Needs.CountAsync());

        await Assert.ThrowsAsync<ForbiddenException>(() =>
            App.SendAsync<int>(resident, new ProposeNeed(other, "عنوان", "", NeedCategory.Safety, null)));

        Assert.Equal(before, await App.ReadAsync(db => db.Needs.CountAsync()));
    }

    [Theory]
    [InlineData("facilitator.pardisan")]
    [InlineData("ministry")]
    [InlineData("admin")]
    public async Task Staff_cannot_propose_as_a_resident(string userName)
    {
        var (_, neighbourhoodId) = await FirstResidentAsync();
        var before = await App.ReadAsync(db => db.Needs.CountAsync());

        await Assert.ThrowsAsync<ForbiddenException>(async () =>
            await App.SendAsync<int>(await App.PrincipalOfAsync(userName), new ProposeNeed(neighbourhoodId, "عنوان", "", NeedCategory.Safety, null)));

        Assert.Equal(before, await App.ReadAsync(db => db.Needs.CountAsync()));
    }

    [Fact]
    public async Task An_anonymous_caller_is_refused() =>
        await Assert.ThrowsAsync<ForbiddenException>(() =>
            App.SendAsync<int>(new System.Security.Claims.ClaimsPrincipal(), new ProposeNeed(1, "عنوان", "", NeedCategory.Safety, null)));
}
