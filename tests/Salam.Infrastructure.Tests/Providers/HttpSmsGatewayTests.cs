using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;
using Salam.Infrastructure.Notifications.Http;
using Salam.Testing;

namespace Salam.Infrastructure.Tests.Providers;

/// <summary>The HTTP SMS gateway against a local fake gateway (docs/SMS_GATEWAY.md): every answer it can get, and what the outbox is told.</summary>
public sealed class HttpSmsGatewayTests : IAsyncLifetime
{
    private const string Mobile = "09121234567";
    private FakeSmsProvider _fake = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _fake = await FakeSmsProvider.StartAsync(apiKey: "right-key");
        _services = Build(_fake.Url.ToString(), "right-key");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _fake.DisposeAsync();
    }

    private ISmsGateway Gateway => _services.GetRequiredService<ISmsGateway>();

    private static OutgoingSms Sms(string text = "دور اولویت‌بندی محلهٔ پردیسان باز شد. لغو: ۱۱") => new(Mobile, text, Guid.NewGuid());

    [Fact]
    public async Task Accepted_message_reaches_the_gateway_once_with_sender_text_and_key()
    {
        var sms = Sms();
        var result = await Gateway.SendAsync(sms, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        var delivery = Assert.Single(_fake.Deliveries);
        Assert.Equal((Mobile, "3000-SALAM", sms.Text, sms.IdempotencyKey), (delivery.To, delivery.From, delivery.Text, delivery.Key));
        Assert.Equal(delivery.MessageId, result.ProviderMessageId);
        Assert.Equal(1, _fake.Requests);
    }

    [Fact]
    public async Task Repeated_key_answers_the_first_message_id_and_is_not_delivered_again()
    {
        var sms = Sms();
        var first = await Gateway.SendAsync(sms, CancellationToken.None);
        var again = await Gateway.SendAsync(sms, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Accepted, again.Outcome);
        Assert.Equal(first.ProviderMessageId, again.ProviderMessageId);
        Assert.Equal(1, _fake.Delivered);
        Assert.Equal(1, _fake.RepeatedKeys);
        Assert.Equal(0, _fake.Duplicates);
    }

    [Theory]
    [InlineData(400)]
    [InlineData(422)]
    public async Task Refused_message_is_permanent_and_not_tried_again(int status)
    {
        _fake.ForcedStatus = status;
        var result = await Gateway.SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains($"({status})", result.Error);
        Assert.Equal(1, _fake.Requests);
        Assert.Equal(0, _fake.Delivered);
    }

    [Fact]
    public async Task Number_the_gateway_cannot_reach_is_permanent_with_its_reason()
    {
        _fake.RefusedNumbers[Mobile] = true;
        var result = await Gateway.SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("number cannot receive SMS", result.Error);
        Assert.Equal(0, _fake.Delivered);
    }

    [Fact]
    public async Task Refused_api_key_is_transient_so_nothing_is_dropped_for_our_own_mistake()
    {
        await using var wrong = Build(_fake.Url.ToString(), "wrong-key");
        var result = await wrong.GetRequiredService<ISmsGateway>().SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("ApiKey", result.Error);
        Assert.DoesNotContain("wrong-key", result.Error);
        Assert.Equal(1, _fake.Unauthorised);
        Assert.Equal(1, _fake.Requests); // not retried within the call: the key will not get better in a second
        Assert.Equal(0, _fake.Delivered);
    }

    [Fact]
    public async Task Forbidden_is_transient_too()
    {
        _fake.ForcedStatus = 403;
        Assert.Equal(DeliveryOutcome.Transient, (await Gateway.SendAsync(Sms(), CancellationToken.None)).Outcome);
        Assert.Equal(1, _fake.Requests);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(500)]
    [InlineData(503)]
    [InlineData(408)]
    public async Task Busy_or_failing_gateway_is_tried_three_times_then_transient(int status)
    {
        _fake.ForcedStatus = status;
        var result = await Gateway.SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains($"answered {status}", result.Error);
        Assert.Equal(3, _fake.Requests);
        Assert.Equal(0, _fake.Delivered);
    }

    [Fact]
    public async Task A_failure_then_success_within_one_call_is_accepted_with_the_same_key()
    {
        _fake.FailNext(1);
        var sms = Sms();
        var result = await Gateway.SendAsync(sms, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        Assert.Equal(2, _fake.Requests);
        Assert.Equal(sms.IdempotencyKey, Assert.Single(_fake.Deliveries).Key);
    }

    [Fact]
    public async Task Lost_answer_then_retry_is_accepted_once_by_its_key()
    {
        _fake.TimeOutNext(1);
        var result = await Gateway.SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        var delivery = Assert.Single(_fake.Deliveries);
        Assert.Equal(delivery.MessageId, result.ProviderMessageId);
        Assert.Equal(1, _fake.RepeatedKeys);
    }

    [Fact]
    public async Task Gateway_that_never_answers_in_time_is_transient_and_delivered_at_most_once()
    {
        _fake.TimeoutRate = 1;
        var result = await Gateway.SendAsync(Sms(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("no answer in time", result.Error);
        Assert.Equal(3, _fake.Requests);
        Assert.Equal(1, _fake.Delivered);
        Assert.Equal(2, _fake.RepeatedKeys);
    }

    [Fact]
    public async Task Unreachable_gateway_is_transient()
    {
        var closed = _fake.Url;
        await _fake.DisposeAsync();
        _fake = await FakeSmsProvider.StartAsync(apiKey: "right-key");
        var result = await Gateway.SendAsync(Sms(), CancellationToken.None); // still aimed at the stopped one

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("unreachable", result.Error);
        Assert.NotEqual(closed, _fake.Url);
    }

    [Fact]
    public async Task Cancelled_send_is_not_reported_as_a_failure()
    {
        _fake.TimeoutRate = 1;
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Gateway.SendAsync(Sms(), cancel.Token));
    }

    [Theory]
    [InlineData("", "key", "3000", "Url")]
    [InlineData("ftp://gateway.example/send", "key", "3000", "Url")]
    [InlineData("https://gateway.example/send", "", "3000", "ApiKey")]
    [InlineData("https://gateway.example/send", "key", " ", "Sender")]
    public async Task Incomplete_settings_are_refused_when_the_app_starts(string url, string key, string sender, string named)
    {
        await using var services = Build(url, key, sender);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<HttpSmsOptions>>().Value);
        Assert.Contains($"Notifications:Sms:Http:{named}", error.Message);
    }

    private static ServiceProvider Build(string url, string key, string sender = "3000-SALAM")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Sms:Http:Url"] = url,
            ["Notifications:Sms:Http:ApiKey"] = key,
            ["Notifications:Sms:Http:Sender"] = sender,
            ["Notifications:Sms:Http:TimeoutSeconds"] = "3", // long enough on a loaded machine for a 503 to come back before a try gives up (1 s was not, once); the fake's lost answers wait 5 s
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddHttpSmsGateway(configuration.GetSection("Notifications:Sms:Http"));
        return services.BuildServiceProvider();
    }
}
