using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// A form posted from another site (no antiforgery token, or one from another session) is refused and writes nothing:
/// the ballot, both sign-in forms and the propose-a-need form. FormPost.SubmitAsync copies the token, so these are the
/// tests that fail when app.UseAntiforgery() is taken out.
/// </summary>
public sealed class AntiforgeryTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    public enum Forgery { NoToken, TokenOfAnotherSession }

    private async Task<T> ReadAsync<T>(Func<SalamDbContext, Task<T>> read)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<SalamDbContext>());
    }

    private async Task<HttpResponseMessage> ForgeAsync(HttpClient client, Forgery forgery, string pageUrl, string formName, Dictionary<string, string> fields) =>
        await client.SubmitForgedAsync(pageUrl, formName, fields,
            forgery == Forgery.TokenOfAnotherSession ? await factory.NewClient().AntiforgeryTokenAsync("/signin") : null);

    private static async Task AssertRefusedAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("antiforgery", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData(Forgery.NoToken, "09120000021")]
    [InlineData(Forgery.TokenOfAnotherSession, "09120000022")]
    public async Task A_forged_ballot_is_refused_and_no_ballot_is_stored(Forgery forgery, string mobile)
    {
        var (roundId, needIds) = await ReadAsync(async db =>
        {
            var round = await db.PriorityRounds.Include(r => r.Needs)
                .SingleAsync(r => r.Status == RoundStatus.Open && db.Neighbourhoods.Any(n => n.Id == r.NeighbourhoodId && n.NameFa == "پردیسان"));
            return (round.Id, round.Needs.Select(n => n.NeedId.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList());
        });
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, mobile);
        var before = await ReadAsync(db => db.Ballots.CountAsync(b => b.RoundId == roundId));

        var response = await ForgeAsync(client, forgery, $"/rounds/{roundId}/ballot", "ballot",
            new() { ["Input.Needs[0].Id"] = needIds[0], ["Input.Needs[0].Rank"] = "1", ["Input.Needs[1].Id"] = needIds[1], ["Input.Needs[1].Rank"] = "2" });

        await AssertRefusedAsync(response);
        Assert.Equal(before, await ReadAsync(db => db.Ballots.CountAsync(b => b.RoundId == roundId)));
    }

    [Theory]
    [InlineData(Forgery.NoToken)]
    [InlineData(Forgery.TokenOfAnotherSession)]
    public async Task A_forged_staff_sign_in_is_refused_and_signs_no_one_in(Forgery forgery)
    {
        var client = factory.NewClient();

        var response = await ForgeAsync(client, forgery, "/signin", "staff",
            new() { ["Staff.UserName"] = "officer.qom", ["Staff.Password"] = DemoDataSeeder.DemoPassword });

        await AssertRefusedAsync(response);
        Assert.DoesNotContain(response.Headers.TryGetValues("Set-Cookie", out var cookies) ? cookies : [], c => c.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        var province = await client.GetAsync("/province");
        Assert.Equal(HttpStatusCode.Redirect, province.StatusCode);
        Assert.StartsWith("/signin", province.Headers.Location!.PathAndQuery);
    }

    [Theory]
    [InlineData(Forgery.NoToken, "09120000023")]
    [InlineData(Forgery.TokenOfAnotherSession, "09120000024")]
    public async Task A_forged_code_request_is_refused_and_sends_and_stores_no_code(Forgery forgery, string mobile)
    {
        var response = await ForgeAsync(factory.NewClient(), forgery, "/signin", "resident", new() { ["Resident.Mobile"] = mobile });

        await AssertRefusedAsync(response);
        Assert.Null(factory.Sms.LastTextTo(mobile));
        Assert.Equal(0, await ReadAsync(db => db.OneTimeCodes.CountAsync(c => c.Mobile == mobile)));
    }

    [Theory]
    [InlineData(Forgery.NoToken, "09120000025")]
    [InlineData(Forgery.TokenOfAnotherSession, "09120000026")]
    public async Task A_forged_need_proposal_is_refused_and_no_need_is_stored(Forgery forgery, string mobile)
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, mobile);
        var title = $"کتابخانهٔ سیار {forgery}";

        var response = await ForgeAsync(client, forgery, "/needs/propose", "propose",
            new() { ["Input.Title"] = title, ["Input.Description"] = "", ["Input.Category"] = "Education", ["Input.Confirmed"] = "true" });

        await AssertRefusedAsync(response);
        Assert.Equal(0, await ReadAsync(db => db.Needs.CountAsync(n => n.Title == title)));
    }

    [Fact]
    public async Task The_same_need_proposal_with_its_own_token_is_stored()
    {
        var client = factory.NewClient();
        await client.SignInResidentAsync(factory, "09120000027");
        const string title = "کتابخانهٔ سیار با برگهٔ خودش";

        var response = await client.SubmitAsync("/needs/propose", "propose",
            new Dictionary<string, string> { ["Input.Title"] = title, ["Input.Description"] = "", ["Input.Category"] = "Education", ["Input.Confirmed"] = "true" });

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(1, await ReadAsync(db => db.Needs.CountAsync(n => n.Title == title)));
    }
}
