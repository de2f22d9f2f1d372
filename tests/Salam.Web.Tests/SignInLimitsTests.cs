using System.Net;
using Salam.Testing;

namespace Salam.Web.Tests;

public sealed class SignInLimitsTests
{
    [Fact]
    public async Task A_staff_account_is_locked_after_five_wrong_passwords()
    {
        await using var factory = new SalamWebFactory();
        var client = factory.NewClient();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await client.SignInStaffAsync("officer.mazandaran", "not-the-password");
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        }
        var right = await client.SignInStaffAsync("officer.mazandaran");
        Assert.Equal(HttpStatusCode.BadRequest, right.StatusCode);
        Assert.Contains("قفل", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/province")).StatusCode);
    }

    [Fact]
    public async Task One_number_asking_for_too_many_codes_gets_429()
    {
        await using var factory = new LowLimitFactory(perClient: 100, perNumber: 3);
        var client = factory.NewClient();
        for (var i = 0; i < 3; i++) Assert.Equal(HttpStatusCode.Redirect, (await client.RequestCodeAsync("09120000004")).StatusCode);
        var refused = await client.RequestCodeAsync("09120000004");
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains("درخواست‌ها بیش از حد بود", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task One_client_posting_too_often_gets_429()
    {
        await using var factory = new LowLimitFactory(perClient: 4, perNumber: 100);
        var client = factory.NewClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 6; i++) statuses.Add((await client.RequestCodeAsync($"0912000{i:D4}")).StatusCode);
        Assert.Equal(4, statuses.Count(s => s == HttpStatusCode.Redirect));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    private sealed class LowLimitFactory(int perClient, int perNumber) : SalamWebFactory
    {
        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>
        {
            ["SignIn:RequestsPerClientPerMinute"] = perClient.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["SignIn:CodesPerNumber"] = perNumber.ToString(System.Globalization.CultureInfo.InvariantCulture),
        };
    }
}
