using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Salam.Application.Rounds.Commands.CloseRound;
using Salam.Application.Rounds.Commands.CreateRound;
using Salam.Application.Rounds.Commands.OpenRound;
using Salam.Application.Rounds.Commands.PublishRound;
using Salam.Application.Rounds.Commands.SubmitBallot;
using Salam.Application.Rounds.Queries.GetRoundResults;
using Salam.Domain.Needs;
using Salam.Domain.Rounds;
using Salam.Infrastructure.Persistence;
using Salam.Infrastructure.Persistence.Seeding;
using Salam.Testing;

namespace Salam.Web.Tests;

/// <summary>
/// GET /rounds/{id}/ballots over HTTP: the published round's anonymised file as an attachment whose hash is the count
/// record's; refused with the translated reason before publication, under the privacy floor, or beyond the caller's scope
/// (another province's round, by a tampered id); 404 for a round that does not exist.
/// </summary>
public sealed class BallotFileDownloadTests(SalamWebFactory factory) : IClassFixture<SalamWebFactory>
{
    [Fact]
    public async Task A_published_rounds_ballots_download_as_an_attachment_whose_hash_is_the_count_records()
    {
        var roundId = await CountedRoundAsync("دور دریافت فایل", ballots: 10, publish: true);
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");

        var response = await client.GetAsync($"/rounds/{roundId}/ballots");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal($"salam-round-{roundId}.soi", response.Content.Headers.ContentDisposition?.FileNameStar ?? response.Content.Headers.ContentDisposition?.FileName);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var record = await factory.SendAsStaffAsync<RoundResults>("officer.qom", new GetRoundResults(roundId));
        Assert.Equal(record.Count!.Sha256, Convert.ToHexString(SHA256.HashData(bytes)), ignoreCase: true);
        Assert.DoesNotContain(DemoDataSeeder.FirstResidentMobile, System.Text.Encoding.UTF8.GetString(bytes));

        // A resident of the neighbourhood, who sees the results, may download it too.
        var resident = factory.NewClient();
        await resident.SignInResidentAsync(factory, DemoDataSeeder.FirstResidentMobile);
        Assert.Equal(bytes, await resident.GetByteArrayAsync($"/rounds/{roundId}/ballots"));
    }

    [Fact]
    public async Task A_closed_but_unpublished_round_is_refused_with_its_reason()
    {
        var roundId = await CountedRoundAsync("دور منتشرنشده", ballots: 10, publish: false);
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");

        var response = await client.GetAsync($"/rounds/{roundId}/ballots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
        Assert.Contains("پس از اعلام نتایج", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_round_under_the_privacy_floor_publishes_no_file()
    {
        var roundId = await CountedRoundAsync("دور کم‌برگه", ballots: 9, publish: true);
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");

        var response = await client.GetAsync($"/rounds/{roundId}/ballots");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("۱۰", await response.Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("officer.mazandaran")]
    [InlineData("facilitator.sari")]
    public async Task Another_provinces_round_by_a_tampered_id_is_forbidden(string outsider)
    {
        var roundId = await CountedRoundAsync($"دور قم برای {outsider}", ballots: 10, publish: true);
        var client = factory.NewClient();
        await client.SignInStaffAsync(outsider);

        var response = await client.GetAsync($"/rounds/{roundId}/ballots");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    [Fact]
    public async Task A_round_that_does_not_exist_is_not_found_and_an_anonymous_visitor_is_sent_to_sign_in()
    {
        var client = factory.NewClient();
        await client.SignInStaffAsync("officer.qom");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/rounds/987654/ballots")).StatusCode);

        var anonymous = factory.NewClient();
        var response = await anonymous.GetAsync("/rounds/987654/ballots");
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.Null(response.Content.Headers.ContentDisposition);
    }

    private async Task<int> CountedRoundAsync(string title, int ballots, bool publish)
    {
        int place;
        List<int> needs;
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<SalamDbContext>();
            place = await db.Neighbourhoods.Where(n => n.NameFa == "پردیسان").Select(n => n.Id).SingleAsync();
            needs = await db.Needs.Where(n => n.NeighbourhoodId == place && n.Status == NeedStatus.Approved).OrderBy(n => n.Id).Select(n => n.Id).Take(3).ToListAsync();
        }
        var now = DateTimeOffset.UtcNow;
        var roundId = await factory.SendAsStaffAsync<int>("facilitator.pardisan", new CreateRound(place, title, now.AddMinutes(-1), now.AddDays(3), 3, needs));
        await factory.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new OpenRound(roundId));
        for (var i = 0; i < ballots; i++)
            await factory.SendAsResidentAsync<BallotReceipt>($"0912{i + 1:D7}", new SubmitBallot(roundId, [needs[i % 3], needs[(i + 1) % 3]]));
        await factory.SendAsStaffAsync<RoundStatus>("facilitator.pardisan", new CloseRound(roundId));
        if (publish) await factory.SendAsStaffAsync<RoundStatus>("officer.qom", new PublishRound(roundId));
        return roundId;
    }
}
