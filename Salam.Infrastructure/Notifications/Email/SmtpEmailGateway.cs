using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using MimeKit;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Notifications.Email;

/// <summary>
/// Staff e-mail through an SMTP relay (MailKit), one connection per message: staff mail is a few a day, not a stream.
/// The Message-ID is made from the idempotency key, so a retry after a lost answer carries the same id and mail systems can
/// tell it is the same message. Only a refused address is permanent; refused credentials and an unreachable relay are
/// transient, so nothing is dropped because of our own misconfiguration.
/// </summary>
public sealed partial class SmtpEmailGateway(IOptions<SmtpOptions> options, ILogger<SmtpEmailGateway> logger) : IEmailGateway
{
    private const int ErrorShown = 200;

    public async Task<DeliveryResult> SendAsync(OutgoingEmail email, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        if (!MailboxAddress.TryParse(email.Address, out var to))
            return DeliveryResult.Permanent("Not an e-mail address");
        var message = new MimeMessage { Subject = email.Subject, Body = new TextPart("plain") { Text = email.Body } };
        message.From.Add(MailboxAddress.Parse(settings.From));
        message.To.Add(to);
        message.MessageId = $"{email.IdempotencyKey:N}@{Domain(settings.From)}";
        using var client = new SmtpClient { Timeout = (int)TimeSpan.FromSeconds(settings.TimeoutSeconds).TotalMilliseconds };
        try
        {
            await client.ConnectAsync(settings.Host, settings.Port, Security(settings), cancellationToken);
            if (!string.IsNullOrEmpty(settings.User)) await client.AuthenticateAsync(settings.User, settings.Password, cancellationToken);
            var answer = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryResult.Accepted(Shorten(answer));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (SmtpCommandException e) when (e.ErrorCode == SmtpErrorCode.RecipientNotAccepted && (int)e.StatusCode >= 500)
        {
            return DeliveryResult.Permanent($"The mail relay refused the address ({(int)e.StatusCode}): {Shorten(e.Message)}");
        }
        catch (AuthenticationException e)
        {
            LogSignInRefused(email.IdempotencyKey, e.Message);
            return DeliveryResult.Transient("The mail relay refused our sign-in: check Notifications:Email:Smtp:User and Password");
        }
        catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException or SocketException or TimeoutException
                                   or OperationCanceledException or SslHandshakeException or ServiceNotConnectedException or NotSupportedException)
        {
            return DeliveryResult.Transient($"Mail relay: {Shorten(e.Message)}");
        }
    }

    /// <summary>465 speaks TLS from the start; anything else must upgrade with STARTTLS when TLS is asked for.</summary>
    private static SecureSocketOptions Security(SmtpOptions settings) =>
        !settings.UseTls ? SecureSocketOptions.None
        : settings.Port == 465 ? SecureSocketOptions.SslOnConnect
        : SecureSocketOptions.StartTls;

    private static string Domain(string from) =>
        MailboxAddress.Parse(from).Domain is { Length: > 0 } domain ? domain : "salam.local";

    private static string Shorten(string text) => text.Length <= ErrorShown ? text : text[..ErrorShown];

    [LoggerMessage(Level = LogLevel.Error, Message = "The mail relay refused our sign-in for message {Key}: {Error}; staff e-mail stays queued until Notifications:Email:Smtp is fixed")]
    private partial void LogSignInRefused(Guid key, string error);
}
