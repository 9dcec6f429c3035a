namespace Trading.MarketData.History;

/// <summary>
/// A <c>FetchVenueCandles</c> request could not be answered: a bad request, or the venue refused or failed. The message says
/// which series and range, and why; it is what the requester's fault carries.
/// </summary>
public sealed class VenueHistoryException(string message, Exception? innerException = null) : Exception(message, innerException);
