using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Salam.Application.Common.Interfaces;
using Salam.Infrastructure.Notifications.Email;

namespace Salam.Infrastructure.Tests.Providers;

/// <summary>Staff e-mail through MailKit to a real local SMTP server: what arrives, and what the outbox is told when it does not.</summary>
public sealed class SmtpEmailGatewayTests : IAsyncLifetime
{
    private const string Manager = "manager@agency.example";
    private FakeSmtpServer _smtp = null!;

    public async Task InitializeAsync() => _smtp = await FakeSmtpServer.StartAsync("salam", "relay-password");

    public async Task DisposeAsync() => await _smtp.DisposeAsync();

    private static OutgoingEmail Email(string to = Manager) =>
        new(to, "وظیفهٔ تازه: لایروبی جوی خیابان ۱۲", "مدیر گرامی، وظیفهٔ «لایروبی جوی» به سازمان شما سپرده شد.\nDuty assigned.", Guid.NewGuid());

    [Fact]
    public async Task Email_arrives_signed_in_with_sender_subject_body_and_a_message_id_from_its_key()
    {
        await using var services = Build(_smtp.Port);
        var email = Email();
        var result = await services.GetRequiredService<IEmailGateway>().SendAsync(email, CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Accepted, result.Outcome);
        var received = Assert.Single(_smtp.Received);
        Assert.Equal("no-reply@salam.example", received.From.Mailboxes.Single().Address);
        Assert.Equal(Manager, received.To.Mailboxes.Single().Address);
        Assert.Equal(email.Subject, received.Subject);
        Assert.Equal(email.Body, (received.TextBody ?? "").TrimEnd('\r', '\n').ReplaceLineEndings("\n"));
        Assert.Equal($"{email.IdempotencyKey:N}@salam.example", received.MessageId);
    }

    [Fact]
    public async Task A_retry_of_the_same_message_carries_the_same_message_id()
    {
        await using var services = Build(_smtp.Port);
        var email = Email();
        await services.GetRequiredService<IEmailGateway>().SendAsync(email, CancellationToken.None);
        await services.GetRequiredService<IEmailGateway>().SendAsync(email, CancellationToken.None);

        Assert.Equal(2, _smtp.Received.Count);
        Assert.Single(_smtp.Received.Select(m => m.MessageId).Distinct());
    }

    [Fact]
    public async Task Address_the_relay_refuses_is_permanent()
    {
        _smtp.RefusedAddresses[Manager] = true;
        await using var services = Build(_smtp.Port);
        var result = await services.GetRequiredService<IEmailGateway>().SendAsync(Email(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Contains("(550)", result.Error);
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task Malformed_address_is_permanent_without_a_connection()
    {
        await using var services = Build(_smtp.Port);
        var result = await services.GetRequiredService<IEmailGateway>().SendAsync(Email("not an address"), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Permanent, result.Outcome);
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task Refused_sign_in_is_transient_so_nothing_is_dropped_for_our_own_mistake()
    {
        await using var services = Build(_smtp.Port, password: "wrong");
        var result = await services.GetRequiredService<IEmailGateway>().SendAsync(Email(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        Assert.Contains("Notifications:Email:Smtp", result.Error);
        Assert.DoesNotContain("wrong", result.Error);
        Assert.Empty(_smtp.Received);
    }

    [Fact]
    public async Task Relay_that_is_down_is_transient()
    {
        var port = _smtp.Port;
        await _smtp.DisposeAsync();
        await using var services = Build(port);
        var result = await services.GetRequiredService<IEmailGateway>().SendAsync(Email(), CancellationToken.None);

        Assert.Equal(DeliveryOutcome.Transient, result.Outcome);
        _smtp = await FakeSmtpServer.StartAsync("salam", "relay-password");
    }

    [Theory]
    [InlineData("", "no-reply@salam.example", "Host")]
    [InlineData("localhost", "not an address", "From")]
    public async Task Incomplete_settings_are_refused_when_the_app_starts(string host, string from, string named)
    {
        await using var services = Build(25, host: host, from: from);
        var error = Assert.Throws<OptionsValidationException>(() => services.GetRequiredService<IOptions<SmtpOptions>>().Value);
        Assert.Contains($"Notifications:Email:Smtp:{named}", error.Message);
    }

    private static ServiceProvider Build(int port, string password = "relay-password", string host = "127.0.0.1", string from = "no-reply@salam.example")
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Notifications:Email:Smtp:Host"] = host,
            ["Notifications:Email:Smtp:Port"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Notifications:Email:Smtp:UseTls"] = "false",
            ["Notifications:Email:Smtp:User"] = "salam",
            ["Notifications:Email:Smtp:Password"] = password,
            ["Notifications:Email:Smtp:From"] = from,
            ["Notifications:Email:Smtp:TimeoutSeconds"] = "5",
        }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSmtpEmailGateway(configuration.GetSection("Notifications:Email:Smtp"));
        return services.BuildServiceProvider();
    }
}
