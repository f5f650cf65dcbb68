//! What the request builders of both clients share: awaiting a builder sends it.

/// Awaiting a request builder sends it (`send()` by another name). The future is boxed, as an
/// `async fn`'s type cannot be named here: one allocation of the whole create (about 5.6 KB for
/// `CreateOffice`) that `send().await` does without.
macro_rules! awaited_by_send {
    ($($builder:ident => $output:ty;)*) => {$(
        impl<'a> ::std::future::IntoFuture for $builder<'a> {
            type Output = $output;
            type IntoFuture = ::futures_util::future::BoxFuture<'a, Self::Output>;

            fn into_future(self) -> Self::IntoFuture {
                Box::pin(self.send())
            }
        }
    )*};
}

pub(crate) use awaited_by_send;
