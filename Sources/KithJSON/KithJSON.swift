// Placeholder until the dataset writer lands.
enum KithJSONModule {}
