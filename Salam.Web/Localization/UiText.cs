namespace Salam.Web.Localization;

/// <summary>Marker for the UI's strings: UiText.resx (Persian, the default) and UiText.en.resx.</summary>
public sealed class UiText;
