using System.Text.Json.Serialization;

namespace Salam.Infrastructure.Notifications.Http;

/// <summary>The body of one send (docs/SMS_GATEWAY.md); the key is also sent as the Idempotency-Key header.</summary>
internal sealed record SmsGatewayRequest(
    [property: JsonPropertyName("to")] string To,
    [property: JsonPropertyName("from")] string From,
    [property: JsonPropertyName("text")] string Text,
    [property: JsonPropertyName("idempotencyKey")] Guid IdempotencyKey);

/// <summary>The gateway's answer to a 200/201/202; a repeated key answers with the first message's id.</summary>
internal sealed record SmsGatewayAnswer(
    [property: JsonPropertyName("messageId")] string? MessageId,
    [property: JsonPropertyName("status")] string? Status,
    [property: JsonPropertyName("error")] string? Error = null);

[JsonSerializable(typeof(SmsGatewayRequest))]
[JsonSerializable(typeof(SmsGatewayAnswer))]
internal sealed partial class SmsGatewayJson : JsonSerializerContext;
