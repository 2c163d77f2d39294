enum KithModule {}
