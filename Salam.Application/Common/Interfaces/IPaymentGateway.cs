namespace Salam.Application.Common.Interfaces;

/// <summary>
/// The port an online payment provider (a Shaparak card gateway) would plug into. None is registered: no gateway can be reached
/// from where Salam runs today, so Salam takes no money itself. Centres record what benefactors gave them, with their own
/// receipt numbers; nothing in the app pretends to charge a card. See docs/decisions/0015-campaigns-and-shifts.md.
/// </summary>
/// <remarks>
/// An adapter would: start a payment for a pledge (<see cref="StartAsync"/>) and send the donor to the returned address; on the
/// provider's callback, verify it server-to-server (<see cref="VerifyAsync"/>) before the pledge is marked received, with the
/// provider's reference as its receipt number. Both calls must be idempotent on <see cref="PaymentRequest.DonationId"/>.
/// </remarks>
public interface IPaymentGateway
{
    Task<PaymentStart> StartAsync(PaymentRequest request, CancellationToken cancellationToken);

    Task<PaymentVerification> VerifyAsync(string providerReference, long expectedRials, CancellationToken cancellationToken);
}

/// <summary>A pledge in whole rials, and where the provider returns the donor.</summary>
public sealed record PaymentRequest(int DonationId, long Rials, Uri CallbackUrl);

public sealed record PaymentStart(string ProviderReference, Uri RedirectUrl);

/// <summary>Whether the provider confirms the payment, for how much, and its own reference (the receipt number).</summary>
public sealed record PaymentVerification(bool Paid, long Rials, string ProviderReference);
