using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Polly.CircuitBreaker;
using Polly.Timeout;
using Salam.Application.Common.Interfaces;

namespace Salam.Infrastructure.Notifications.Http;

/// <summary>
/// The SMS port over a gateway's HTTP API (docs/SMS_GATEWAY.md): one POST per message carrying its idempotency key, so a
/// retry (by the resilience handler within this call, or by the outbox on a later attempt) is never sent twice.
/// Only a refused number (400/422) is permanent; a refused key or any other trouble is transient, so nothing is dropped
/// because of our own misconfiguration.
/// </summary>
public sealed partial class HttpSmsGateway(IHttpClientFactory clients, IOptions<HttpSmsOptions> options, ILogger<HttpSmsGateway> logger) : ISmsGateway
{
    public const string ClientName = "Salam.Notifications.Sms";
    private const int ErrorShown = 200;

    public async Task<DeliveryResult> SendAsync(OutgoingSms sms, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        var body = JsonSerializer.SerializeToUtf8Bytes(new SmsGatewayRequest(sms.Mobile, settings.Sender, sms.Text, sms.IdempotencyKey), SmsGatewayJson.Default.SmsGatewayRequest);
        // Bytes, not a stream: the resilience handler sends the same request again on a retry.
        using var request = new HttpRequestMessage(HttpMethod.Post, settings.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", settings.ApiKey);
        request.Headers.Add("Idempotency-Key", sms.IdempotencyKey.ToString());
        try
        {
            using var response = await clients.CreateClient(ClientName).SendAsync(request, cancellationToken);
            return await ReadAsync(response, sms.IdempotencyKey, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is TimeoutRejectedException or OperationCanceledException)
        {
            return DeliveryResult.Transient("SMS gateway: no answer in time");
        }
        catch (BrokenCircuitException)
        {
            return DeliveryResult.Transient("SMS gateway: failing, paused for a while (circuit open)");
        }
        catch (HttpRequestException e)
        {
            return DeliveryResult.Transient($"SMS gateway unreachable: {Shorten(e.Message)}");
        }
    }

    private async Task<DeliveryResult> ReadAsync(HttpResponseMessage response, Guid key, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var text = await response.Content.ReadAsStringAsync(cancellationToken);
        var answer = Parse(text);
        if (response.IsSuccessStatusCode) return DeliveryResult.Accepted(answer?.MessageId);
        var detail = answer?.Error ?? answer?.Status ?? text;
        switch (response.StatusCode)
        {
            case HttpStatusCode.BadRequest or HttpStatusCode.UnprocessableEntity:
                return DeliveryResult.Permanent($"SMS gateway refused the message ({status}): {Shorten(detail)}");
            case HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden:
                LogKeyRefused(status, key);
                return DeliveryResult.Transient($"SMS gateway refused our key ({status}): check Notifications:Sms:Http:ApiKey");
            default:
                return DeliveryResult.Transient($"SMS gateway answered {status}: {Shorten(detail)}");
        }
    }

    private static SmsGatewayAnswer? Parse(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        try
        {
            return JsonSerializer.Deserialize(text, SmsGatewayJson.Default.SmsGatewayAnswer);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static string Shorten(string text) => text.Length <= ErrorShown ? text : text[..ErrorShown];

    [LoggerMessage(Level = LogLevel.Error, Message = "The SMS gateway refused the API key ({Status}) for message {Key}; messages stay queued until Notifications:Sms:Http:ApiKey is fixed")]
    private partial void LogKeyRefused(int status, Guid key);
}
