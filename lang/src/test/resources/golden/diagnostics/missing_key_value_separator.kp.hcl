labels = {
  app "web"
}
